#include "ctl/cli.h"

#include <QTest>

#include <sstream>

using capstan::ctl::Cli;

namespace {

struct Run
{
    int code;
    QString out;
    QString err;
};

Run runCli(const QStringList &args)
{
    Cli cli;
    std::ostringstream out, err;
    const int code = cli.run(args, out, err);
    return {code, QString::fromStdString(out.str()), QString::fromStdString(err.str())};
}

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void version()
    {
        const Run r = runCli({QStringLiteral("--version")});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.startsWith(QStringLiteral("capstanctl ")));
    }

    void helpListsCommands()
    {
        const Run r = runCli({QStringLiteral("--help")});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains(QStringLiteral("Commands:")));
    }

    void unknownCommandIsAUsageError()
    {
        const Run r = runCli({QStringLiteral("frobnicate")});
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.contains(QStringLiteral("unknown command 'frobnicate'")));
        QVERIFY(r.out.isEmpty());
    }

    void noArgumentsShowsHelpOnStderr()
    {
        const Run r = runCli({});
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.contains(QStringLiteral("Usage:")));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
