#pragma once

#include "ctl/command.h"

#include <memory>
#include <vector>

namespace capstan::ctl {

// capstanctl: finds the command named by the leading words and runs it.
class Cli final
{
public:
    Cli();
    ~Cli();

    // arguments exclude the program name.
    int run(const QStringList &arguments, std::ostream &out, std::ostream &err);
    QString help() const;

private:
    Command *find(const QStringList &arguments, qsizetype &wordCount) const;

    std::vector<std::unique_ptr<Command>> m_commands;
};

} // namespace capstan::ctl
