#pragma once

#include "ctl/command.h"
#include "ctl/commands/output.h"
#include "ctl/commands/workspace_options.h"

namespace capstan::ctl {

// capstanctl app sync NAME [--dry-run] [--prune] [--resource GROUP:KIND:NAME]...
//   [--revision REV] [--note TEXT] [--approver NAME]... [--async]
class AppSyncCommand final : public Command
{
public:
    QStringList words() const override { return { QStringLiteral("app"), QStringLiteral("sync") }; }
    QString summary() const override;
    QString usage() const override;
    int run(const QStringList &arguments, Streams &io) override;

private:
    WorkspaceOptions m_workspace;
};

// capstanctl app wait NAME [--health] [--sync] [--timeout SECONDS]
class AppWaitCommand final : public Command
{
public:
    QStringList words() const override { return { QStringLiteral("app"), QStringLiteral("wait") }; }
    QString summary() const override;
    QString usage() const override;
    int run(const QStringList &arguments, Streams &io) override;

private:
    WorkspaceOptions m_workspace;
};

// capstanctl app terminate-op NAME
class AppTerminateOpCommand final : public Command
{
public:
    QStringList words() const override { return { QStringLiteral("app"), QStringLiteral("terminate-op") }; }
    QString summary() const override;
    QString usage() const override;
    int run(const QStringList &arguments, Streams &io) override;

private:
    WorkspaceOptions m_workspace;
};

} // namespace capstan::ctl
