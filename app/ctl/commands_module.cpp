// capstanctl's commands as a library the capstanctl executable opens when a
// command needs them (everything but a plain `render DIR`): the executable then
// starts without loading libgit2, SQLite, QtNetwork and what they pull in.

#include "ctl/cli.h"

#include <QCoreApplication>

#include <exception>
#include <iostream>

namespace {

int run(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Capstan"));
    QCoreApplication::setApplicationName(QStringLiteral("capstan"));
    std::ios::sync_with_stdio(false);
    capstan::ctl::Cli cli;
    const int code = cli.run(QCoreApplication::arguments().mid(1), std::cout, std::cerr);
    std::cout.flush();
    return code;
}

} // namespace

// The capstanctl executable has a C++ runtime of its own: no exception may
// leave this library.
extern "C" __attribute__((visibility("default"))) int capstanctl_run(int argc, char *argv[])
{
    try {
        return run(argc, argv);
    } catch (const std::exception &e) {
        std::cerr << "capstanctl: " << e.what() << '\n';
    } catch (...) {
        std::cerr << "capstanctl: unexpected error\n";
    }
    return 1;
}
