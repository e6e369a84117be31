#pragma once

#include "ctl/command.h"

namespace capstan::ctl {

// capstanctl demo init DIR: the demo repository and its sandbox cluster.
class DemoInitCommand final : public Command
{
public:
    QStringList words() const override { return { QStringLiteral("demo"), QStringLiteral("init") }; }
    QString summary() const override;
    QString usage() const override;
    int run(const QStringList &arguments, Streams &io) override;
};

} // namespace capstan::ctl
