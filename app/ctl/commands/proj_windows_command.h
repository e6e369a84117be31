#pragma once

#include "ctl/command.h"
#include "ctl/commands/output.h"
#include "ctl/commands/workspace_options.h"

namespace capstan::ctl {

// capstanctl proj windows PROJECT [-o wide|json|yaml]: a project's sync
// windows, and where each of its applications stands with them now.
class ProjWindowsCommand final : public Command
{
public:
    QStringList words() const override { return { QStringLiteral("proj"), QStringLiteral("windows") }; }
    QString summary() const override;
    QString usage() const override;
    int run(const QStringList &arguments, Streams &io) override;

private:
    WorkspaceOptions m_workspace;
    OutputOption m_output;
};

} // namespace capstan::ctl
