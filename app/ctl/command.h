#pragma once

#include <QString>
#include <QStringList>

#include <ostream>

namespace capstan::ctl {

// Exit codes, as scripts and CI pipelines read them.
enum ExitCode : int {
    ExitOk = 0,
    ExitFailure = 1, // the operation failed (bad input, render error, sync failed)
    ExitUsage = 2,   // the command line was wrong
};

struct Streams
{
    std::ostream &out;
    std::ostream &err;
};

// One capstanctl command, such as "render" or "app list".
class Command
{
public:
    virtual ~Command() = default;

    // The words that name it: {"app", "list"}.
    virtual QStringList words() const = 0;
    virtual QString summary() const = 0;
    // Usage text printed by `capstanctl COMMAND --help` and on a usage error.
    virtual QString usage() const = 0;
    // Runs with the arguments that follow the command's words.
    virtual int run(const QStringList &arguments, Streams &io) = 0;

    QString name() const { return words().join(QLatin1Char(' ')); }
};

// Writes a QString to a stream as UTF-8.
std::ostream &operator<<(std::ostream &stream, const QString &text);

} // namespace capstan::ctl
