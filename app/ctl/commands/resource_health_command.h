#pragma once

#include "ctl/command.h"
#include "ctl/commands/output.h"

namespace capstan::ctl {

// capstanctl resource health FILE... [-o json]: each object's health, as the
// engine assesses live objects, so anyone can check a manifest by hand.
class ResourceHealthCommand final : public Command
{
public:
    QStringList words() const override { return { QStringLiteral("resource"), QStringLiteral("health") }; }
    QString summary() const override;
    QString usage() const override;
    int run(const QStringList &arguments, Streams &io) override;

private:
    OutputOption m_output { { QStringLiteral("json") } };
};

} // namespace capstan::ctl
