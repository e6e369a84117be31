#include "ctl/cli.h"

#include <QCoreApplication>

#include <cstring>
#include <iostream>
#include <optional>

namespace {

// `capstanctl render` is run once per overlay, like `kubectl kustomize`, so its
// start-up is most of its time. It reads files and Git objects only, and needs
// no QCoreApplication (whose construction sets up an event dispatcher, locale
// and plugin paths); every other command gets one.
bool needsApplication(int argc, char *argv[])
{
    return !(argc > 1 && std::strcmp(argv[1], "render") == 0);
}

} // namespace

int main(int argc, char *argv[])
{
    std::optional<QCoreApplication> app;
    QStringList arguments;
    if (needsApplication(argc, argv)) {
        app.emplace(argc, argv);
        arguments = QCoreApplication::arguments().mid(1);
    } else {
        for (int i = 1; i < argc; ++i)
            arguments.push_back(QString::fromLocal8Bit(argv[i]));
    }
    QCoreApplication::setOrganizationName(QStringLiteral("Capstan"));
    QCoreApplication::setApplicationName(QStringLiteral("capstan"));
    std::ios::sync_with_stdio(false);
    capstan::ctl::Cli cli;
    const int code = cli.run(arguments, std::cout, std::cerr);
    std::cout.flush();
    return code;
}
