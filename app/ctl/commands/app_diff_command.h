#pragma once

#include "ctl/command.h"
#include "ctl/commands/workspace_options.h"

namespace capstan::ctl {

// capstanctl app diff NAME [--revision REV | --history ID | --from A --to B]:
// a unified diff per resource between any two of: the live objects, a Git
// revision's render and a history entry's manifests. Exit 0 without
// differences, 1 with, 2 on a usage error or when a side cannot be read.
class AppDiffCommand final : public Command
{
public:
    QStringList words() const override { return { QStringLiteral("app"), QStringLiteral("diff") }; }
    QString summary() const override;
    QString usage() const override;
    int run(const QStringList &arguments, Streams &io) override;

private:
    WorkspaceOptions m_workspace;
};

} // namespace capstan::ctl
