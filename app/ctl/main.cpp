#include "ctl/cli.h"

#include <QCoreApplication>

#include <iostream>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Capstan"));
    QCoreApplication::setApplicationName(QStringLiteral("capstan"));
    std::ios::sync_with_stdio(false);
    capstan::ctl::Cli cli;
    const int code = cli.run(app.arguments().mid(1), std::cout, std::cerr);
    std::cout.flush();
    return code;
}
