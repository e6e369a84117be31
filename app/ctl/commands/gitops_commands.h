#pragma once

#include "ctl/command.h"
#include "ctl/commands/workspace_options.h"
#include "reconcile/gitops/git_change.h"

namespace capstan::ctl {

// The commands that change Git (revert, set-image, promote) or roll back from
// history, each showing the manifest diff before it acts. Nothing is pushed.

// capstanctl app revert NAME [COMMIT] [--dry-run]
class AppRevertCommand final : public Command
{
public:
    QStringList words() const override { return { QStringLiteral("app"), QStringLiteral("revert") }; }
    QString summary() const override;
    QString usage() const override;
    int run(const QStringList &arguments, Streams &io) override;

private:
    WorkspaceOptions m_workspace;
};

// capstanctl app rollback NAME ID [--suspend-auto-sync | --rollback-aware] [--note TEXT]
class AppRollbackCommand final : public Command
{
public:
    QStringList words() const override { return { QStringLiteral("app"), QStringLiteral("rollback") }; }
    QString summary() const override;
    QString usage() const override;
    int run(const QStringList &arguments, Streams &io) override;

private:
    WorkspaceOptions m_workspace;
};

// capstanctl app mark-bad NAME (--history ID | --revision REV | --image IMAGE) --reason TEXT
class AppMarkBadCommand final : public Command
{
public:
    QStringList words() const override { return { QStringLiteral("app"), QStringLiteral("mark-bad") }; }
    QString summary() const override;
    QString usage() const override;
    int run(const QStringList &arguments, Streams &io) override;

private:
    WorkspaceOptions m_workspace;
};

// capstanctl app set-image NAME IMAGE=TAG [--message rollback|release|promote] [--dry-run]
class AppSetImageCommand final : public Command
{
public:
    QStringList words() const override { return { QStringLiteral("app"), QStringLiteral("set-image") }; }
    QString summary() const override;
    QString usage() const override;
    int run(const QStringList &arguments, Streams &io) override;

private:
    WorkspaceOptions m_workspace;
};

// capstanctl app images NAME|SERVICE
class AppImagesCommand final : public Command
{
public:
    QStringList words() const override { return { QStringLiteral("app"), QStringLiteral("images") }; }
    QString summary() const override;
    QString usage() const override;
    int run(const QStringList &arguments, Streams &io) override;

private:
    WorkspaceOptions m_workspace;
};

// capstanctl promote SERVICE --from ENV --to ENV [--note TEXT] [--field NAME]... [--dry-run]
class PromoteCommand final : public Command
{
public:
    QStringList words() const override { return { QStringLiteral("promote") }; }
    QString summary() const override;
    QString usage() const override;
    int run(const QStringList &arguments, Streams &io) override;

private:
    WorkspaceOptions m_workspace;
};

// The preview (files, message, manifest diffs), then what was committed or that
// nothing was (a dry run).
void printChange(std::ostream &out, const gitops::CommitResult &result);

} // namespace capstan::ctl
