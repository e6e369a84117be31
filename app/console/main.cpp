#include "common/version.h"
#include "mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

#include <cstring>
#include <memory>

namespace {

// --version and --help need no display: answer them without a GUI application.
std::unique_ptr<QCoreApplication> createApplication(int &argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        for (const char *flag : {"--version", "-v", "--help", "-h", "--help-all"}) {
            if (std::strcmp(argv[i], flag) == 0)
                return std::make_unique<QCoreApplication>(argc, argv);
        }
    }
    return std::make_unique<QApplication>(argc, argv);
}

} // namespace

int main(int argc, char *argv[])
{
    const std::unique_ptr<QCoreApplication> app = createApplication(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Capstan"));
    QApplication::setApplicationName(QStringLiteral("capstan"));
    QApplication::setApplicationDisplayName(QStringLiteral("Capstan"));
    QApplication::setApplicationVersion(QString::fromLatin1(capstan::kVersion));
    QApplication::setDesktopFileName(QStringLiteral("io.capstan.Capstan"));

    QTranslator qtTranslator;
    if (qtTranslator.load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                          QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(&qtTranslator);
    QTranslator translator;
    if (translator.load(QLocale(), QStringLiteral("capstan"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(&translator);

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Desktop GitOps deployment console"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(
        QStringLiteral("path"),
        QApplication::translate("main", "A GitOps repository to open, or a manifest to view (default: the demo workspace)."),
        QStringLiteral("[path]"));
    parser.process(*app);

    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/capstan.svg")));
    capstan::ui::MainWindow window;
    window.show();
    const QStringList paths = parser.positionalArguments();
    if (paths.isEmpty())
        window.openDemo();
    else if (QFileInfo(paths.constFirst()).isFile())
        window.openManifest(paths.constFirst());
    else
        window.openWorkspace(paths.constFirst());
    return app->exec();
}
