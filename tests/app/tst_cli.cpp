#include "ctlrun.h"

#include <QTest>

using capstan::test::Run;
using capstan::test::capstanctl;

class TestCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void version()
    {
        const Run r = capstanctl({QStringLiteral("--version")});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.rfind("capstanctl ", 0) == 0);
    }

    void helpListsCommands()
    {
        const Run r = capstanctl({QStringLiteral("--help")});
        QCOMPARE(r.code, 0);
        QVERIFY(r.has("Commands:"));
    }

    void unknownCommandIsAUsageError()
    {
        const Run r = capstanctl({QStringLiteral("frobnicate")});
        QCOMPARE(r.code, 2);
        QVERIFY(r.errHas("unknown command 'frobnicate'"));
        QVERIFY(r.out.empty());
    }

    void noArgumentsShowsHelpOnStderr()
    {
        const Run r = capstanctl({});
        QCOMPARE(r.code, 2);
        QVERIFY(r.errHas("Usage:"));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
