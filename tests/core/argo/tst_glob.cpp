#include "argo/glob.h"

#include <QTest>

using namespace capstan::argo;

class TestGlob : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void match_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("separator");
        QTest::addColumn<bool>("expected");

        QTest::newRow("star matches all") << "*"
                                          << "anything/at/all"
                                          << "" << true;
        QTest::newRow("star matches empty") << "*"
                                            << ""
                                            << "" << true;
        QTest::newRow("literal") << "prod"
                                 << "prod"
                                 << "" << true;
        QTest::newRow("literal differs") << "prod"
                                         << "production"
                                         << "" << false;
        QTest::newRow("prefix star") << "team-*"
                                     << "team-payments"
                                     << "" << true;
        QTest::newRow("prefix star no match") << "team-*"
                                              << "teams"
                                              << "" << false;
        QTest::newRow("middle star") << "frontend-*-eu"
                                     << "frontend-prod-eu"
                                     << "" << true;
        QTest::newRow("two stars backtrack") << "*-prod-*"
                                             << "a-prod-b-prod-c"
                                             << "" << true;
        QTest::newRow("question mark") << "app-?"
                                       << "app-1"
                                       << "" << true;
        QTest::newRow("question mark needs one") << "app-?"
                                                 << "app-"
                                                 << "" << false;
        QTest::newRow("class") << "db-[abc]"
                               << "db-b"
                               << "" << true;
        QTest::newRow("class miss") << "db-[abc]"
                                    << "db-d"
                                    << "" << false;
        QTest::newRow("class range") << "v[0-9]"
                                     << "v7"
                                     << "" << true;
        QTest::newRow("negated class") << "v[!0-9]"
                                       << "vx"
                                       << "" << true;
        QTest::newRow("negated class miss") << "v[!0-9]"
                                            << "v1"
                                            << "" << false;
        QTest::newRow("alternatives") << "{dev,staging}-*"
                                      << "staging-eu"
                                      << "" << true;
        QTest::newRow("alternatives miss") << "{dev,staging}-*"
                                           << "prod-eu"
                                           << "" << false;
        QTest::newRow("escaped star") << "a\\*b"
                                      << "a*b"
                                      << "" << true;
        QTest::newRow("escaped star is literal") << "a\\*b"
                                                 << "axb"
                                                 << "" << false;
        QTest::newRow("unclosed class matches nothing") << "[abc"
                                                        << "a"
                                                        << "" << false;
        QTest::newRow("unbalanced brace matches nothing") << "{a,b"
                                                          << "a"
                                                          << "" << false;
        QTest::newRow("star stops at separator") << "https://github.com/org/*"
                                                 << "https://github.com/org/a/b"
                                                 << "/" << false;
        QTest::newRow("star within segment") << "https://github.com/org/*"
                                             << "https://github.com/org/repo"
                                             << "/" << true;
        QTest::newRow("double star crosses") << "https://github.com/**"
                                             << "https://github.com/org/a/b"
                                             << "/" << true;
        QTest::newRow("lone star crosses separators") << "*"
                                                      << "https://github.com/org/a"
                                                      << "/" << true;
        QTest::newRow("question stops at separator") << "a?b"
                                                     << "a/b"
                                                     << "/" << false;
        QTest::newRow("server url without separator") << "https://*.example.com"
                                                      << "https://k8s.eu.example.com"
                                                      << "" << true;
    }

    void match()
    {
        QFETCH(QString, pattern);
        QFETCH(QString, text);
        QFETCH(QString, separator);
        QFETCH(bool, expected);
        const char sep = separator.isEmpty() ? '\0' : separator.at(0).toLatin1();
        QCOMPARE(globMatch(pattern.toStdString(), text.toStdString(), sep), expected);
    }

    void negation_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("expected");
        QTest::newRow("negated excludes") << "!kube-system"
                                          << "kube-system" << false;
        QTest::newRow("negated admits others") << "!kube-system"
                                               << "prod" << true;
        QTest::newRow("negated glob") << "!kube-*"
                                      << "kube-public" << false;
        QTest::newRow("plain") << "prod"
                               << "prod" << true;
    }

    void negation()
    {
        QFETCH(QString, pattern);
        QFETCH(QString, text);
        QFETCH(bool, expected);
        QCOMPARE(globMatchNegatable(pattern.toStdString(), text.toStdString()), expected);
        // Without negation support a leading '!' is a literal character.
        if (pattern.startsWith('!'))
            QVERIFY(!globMatch(pattern.toStdString(), text.toStdString()));
    }
};

QTEST_GUILESS_MAIN(TestGlob)
#include "tst_glob.moc"
