#pragma once

#include "ctl/command.h"

#include <QCommandLineParser>

#include <optional>

namespace capstan::ctl {

// Parses a command's arguments with Qt's parser. On a usage error it prints the
// error and the command's usage to stderr and returns nothing.
std::optional<QStringList> parseArguments(QCommandLineParser &parser, const QStringList &arguments,
                                          const Command &command, Streams &io);

} // namespace capstan::ctl
