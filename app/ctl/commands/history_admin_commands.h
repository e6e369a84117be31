#pragma once

#include "ctl/command.h"
#include "ctl/commands/workspace_options.h"

namespace capstan::ctl {

// capstanctl app history-retention (NAME | --all) [--keep-last N] [--max-age-days D]
// Sets how much history to keep and prunes what is older, now and explicitly.
class AppHistoryRetentionCommand final : public Command
{
public:
    QStringList words() const override { return {QStringLiteral("app"), QStringLiteral("history-retention")}; }
    QString summary() const override;
    QString usage() const override;
    int run(const QStringList &arguments, Streams &io) override;

private:
    WorkspaceOptions m_workspace;
};

// capstanctl app resume-auto-sync NAME: ends a suspension or rollback-aware skip.
class AppResumeAutoSyncCommand final : public Command
{
public:
    QStringList words() const override { return {QStringLiteral("app"), QStringLiteral("resume-auto-sync")}; }
    QString summary() const override;
    QString usage() const override;
    int run(const QStringList &arguments, Streams &io) override;

private:
    WorkspaceOptions m_workspace;
};

} // namespace capstan::ctl
