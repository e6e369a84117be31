#include "git/repository.h"

#include "remotefixture.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <git2.h>

using namespace capstan::git;

namespace {

QString messageOf(const capstan::Error &error)
{
    return QString::fromStdString(error.toString());
}

} // namespace

// https keeps libgit2's own certificate verification: the host key callback that
// core/git installs for ssh must pass every TLS verdict through unchanged. The
// server is `openssl s_server` on 127.0.0.1 with a certificate from a test CA.
class TestRemoteTls : public QObject
{
    Q_OBJECT

    bool openssl(const QStringList &arguments)
    {
        QProcess process;
        process.setWorkingDirectory(m_dir.path());
        process.start(m_openssl, arguments);
        if (!process.waitForFinished(30000) || process.exitStatus() != QProcess::NormalExit
            || process.exitCode() != 0) {
            qWarning("openssl %s: %s", qPrintable(arguments.join(QLatin1Char(' '))),
                process.readAllStandardError().constData());
            return false;
        }
        return true;
    }

private Q_SLOTS:
    void initTestCase()
    {
        isolateGitEnvironment();
        m_openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
        QVERIFY2(!m_openssl.isEmpty(), "openssl is missing (it comes with ca-certificates)");
        QVERIFY(m_dir.isValid());
        // mbedTLS 2.28 (libgit2's TLS here) matches DNS names only, also for an address.
        const QString subjectAltName = QStringLiteral("subjectAltName=DNS:127.0.0.1,IP:127.0.0.1");
        QVERIFY(openssl({ QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
            QStringLiteral("ec"), QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:prime256v1"),
            QStringLiteral("-nodes"), QStringLiteral("-keyout"), QStringLiteral("ca.key"), QStringLiteral("-out"),
            QStringLiteral("ca.pem"), QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"),
            QStringLiteral("/CN=Capstan test CA") }));
        QVERIFY(openssl({ QStringLiteral("req"), QStringLiteral("-newkey"), QStringLiteral("ec"),
            QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
            QStringLiteral("-keyout"), QStringLiteral("server.key"), QStringLiteral("-out"),
            QStringLiteral("server.csr"), QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1") }));
        writeFileIn(m_dir.path(), QStringLiteral("san.ext"), subjectAltName.toUtf8() + '\n');
        QVERIFY(openssl({ QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"),
            QStringLiteral("server.csr"), QStringLiteral("-CA"), QStringLiteral("ca.pem"), QStringLiteral("-CAkey"),
            QStringLiteral("ca.key"), QStringLiteral("-CAcreateserial"), QStringLiteral("-days"), QStringLiteral("2"),
            QStringLiteral("-extfile"), QStringLiteral("san.ext"), QStringLiteral("-out"),
            QStringLiteral("server.pem") }));

        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
            m_port = probe.serverPort();
        }
        m_server.setWorkingDirectory(m_dir.path());
        m_server.setProcessChannelMode(QProcess::MergedChannels);
        m_server.start(m_openssl,
            { QStringLiteral("s_server"), QStringLiteral("-accept"), QStringLiteral("127.0.0.1:%1").arg(m_port),
                QStringLiteral("-cert"), QStringLiteral("server.pem"), QStringLiteral("-key"),
                QStringLiteral("server.key"), QStringLiteral("-www") });
        QVERIFY(m_server.waitForStarted(10000));
        QByteArray output;
        const QDeadlineTimer deadline(10000);
        while (!output.contains("ACCEPT") && !deadline.hasExpired() && m_server.state() == QProcess::Running) {
            m_server.waitForReadyRead(100);
            output += m_server.readAll();
        }
        QVERIFY2(output.contains("ACCEPT"), output.constData());
        m_url = QStringLiteral("https://127.0.0.1:%1/org/deploy.git").arg(m_port);
    }

    void cleanupTestCase()
    {
        m_server.kill();
        m_server.waitForFinished(5000);
    }

    // Runs first: the test CA is not trusted yet.
    void untrustedCertificateIsRefused()
    {
        const QString local = m_dir.filePath(QStringLiteral("untrusted"));
        auto repo = Repository::clone(m_url, local, RemoteOptions {});
        QVERIFY(!repo.ok());
        const QString message = messageOf(repo.error());
        QVERIFY2(message.startsWith(QStringLiteral("cannot clone ") + m_url), qPrintable(message));
        QVERIFY2(message.contains(QLatin1String("certificate"), Qt::CaseInsensitive), qPrintable(message));
        QVERIFY(!QFileInfo::exists(local));
    }

    // Once the CA is trusted, TLS succeeds and the clone gets as far as HTTP (where
    // the test server, not a Git server, ends it).
    void trustedCertificateIsAccepted()
    {
        git_libgit2_init();
        const QByteArray ca = m_dir.filePath(QStringLiteral("ca.pem")).toLocal8Bit();
        QCOMPARE(git_libgit2_opts(GIT_OPT_SET_SSL_CERT_LOCATIONS, ca.constData(), nullptr), 0);
        const QString local = m_dir.filePath(QStringLiteral("trusted"));
        auto repo = Repository::clone(m_url, local, RemoteOptions {});
        git_libgit2_shutdown();
        QVERIFY(!repo.ok());
        const QString message = messageOf(repo.error());
        QVERIFY2(message.startsWith(QStringLiteral("cannot clone ") + m_url), qPrintable(message));
        QVERIFY2(!message.contains(QLatin1String("certificate"), Qt::CaseInsensitive), qPrintable(message));
        // s_server -www answered the Git request with its HTML status page.
        QVERIFY2(message.contains(QLatin1String("content-type: 'text/html'")), qPrintable(message));
    }

private:
    QTemporaryDir m_dir;
    QString m_openssl;
    QProcess m_server;
    quint16 m_port = 0;
    QString m_url;
};

QTEST_GUILESS_MAIN(TestRemoteTls)
#include "tst_remote_tls.moc"
