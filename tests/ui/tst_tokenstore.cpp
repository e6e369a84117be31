#include "remote/tokenstore.h"

#include <QDirIterator>
#include <QFile>
#include <QSignalSpy>
#include <QTest>

using namespace capstan::ui;

// The Git access token in a real Secret Service: gnome-keyring on a private D-Bus
// session in a throwaway home (tests/ui/with_keyring.sh), as a desktop session has it.
class TestTokenStore : public QObject
{
    Q_OBJECT

private:
    const QString m_key = QStringLiteral("https://git.example.com/shop/deploy.git");
    const QString m_token = QStringLiteral("glpat-capstan-test-3f9a1c7e");

    QString load(TokenStore &store)
    {
        QSignalSpy loaded(&store, &TokenStore::loaded);
        QSignalSpy failed(&store, &TokenStore::failed);
        store.load(m_key);
        if (!loaded.wait(30000))
            return failed.isEmpty() ? QStringLiteral("<no answer>") : QStringLiteral("<failed: %1>").arg(failed.first().at(1).toString());
        return loaded.first().at(1).toString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS"),
                 "run through dbus-run-session and with_keyring.sh, as ctest does");
    }

    void aSavedTokenComesBackAndIsInNoPlainFile()
    {
        TokenStore store;
        QCOMPARE(load(store), QString()); // nothing stored yet
        QSignalSpy saved(&store, &TokenStore::saved);
        QSignalSpy failed(&store, &TokenStore::failed);
        store.save(m_key, m_token);
        QVERIFY2(saved.wait(30000), failed.isEmpty() ? "no answer" : qPrintable(failed.first().at(1).toString()));
        QCOMPARE(load(store), m_token);

        // The keyring holds it encrypted; no file under the home has it in plain text.
        QDirIterator files(QDir::homePath(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        int read = 0;
        while (files.hasNext()) {
            QFile file(files.next());
            if (!file.open(QIODevice::ReadOnly))
                continue;
            ++read;
            QVERIFY2(!file.readAll().contains(m_token.toUtf8()), qPrintable(file.fileName()));
        }
        QVERIFY(read > 0); // the keyring's own files were looked at
    }

    void aRemovedTokenIsGone()
    {
        TokenStore store;
        store.remove(m_key);
        QTRY_COMPARE_WITH_TIMEOUT(load(store), QString(), 30000);
    }
};

QTEST_MAIN(TestTokenStore)
#include "tst_tokenstore.moc"
