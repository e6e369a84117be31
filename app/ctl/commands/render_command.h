#pragma once

#include "ctl/command.h"

namespace capstan::ctl {

// capstanctl render [--revision REV [--repo PATH]] DIR: what `kubectl kustomize DIR` prints.
class RenderCommand final : public Command
{
public:
    QStringList words() const override { return {QStringLiteral("render")}; }
    QString summary() const override;
    QString usage() const override;
    int run(const QStringList &arguments, Streams &io) override;
};

} // namespace capstan::ctl
