#pragma once

#include "ctl/command.h"
#include "ctl/commands/output.h"
#include "ctl/commands/workspace_options.h"

namespace capstan::ctl {

// capstanctl app list [-o wide|json|yaml]
class AppListCommand final : public Command
{
public:
    QStringList words() const override { return { QStringLiteral("app"), QStringLiteral("list") }; }
    QString summary() const override;
    QString usage() const override;
    int run(const QStringList &arguments, Streams &io) override;

private:
    WorkspaceOptions m_workspace;
    OutputOption m_output;
};

// capstanctl app get NAME [-o wide|json|yaml]
class AppGetCommand final : public Command
{
public:
    QStringList words() const override { return { QStringLiteral("app"), QStringLiteral("get") }; }
    QString summary() const override;
    QString usage() const override;
    int run(const QStringList &arguments, Streams &io) override;

private:
    WorkspaceOptions m_workspace;
    OutputOption m_output;
};

// capstanctl app history NAME [-o wide|json]
class AppHistoryCommand final : public Command
{
public:
    QStringList words() const override { return { QStringLiteral("app"), QStringLiteral("history") }; }
    QString summary() const override;
    QString usage() const override;
    int run(const QStringList &arguments, Streams &io) override;

private:
    WorkspaceOptions m_workspace;
    OutputOption m_output { { QStringLiteral("wide"), QStringLiteral("json") } };
};

} // namespace capstan::ctl
