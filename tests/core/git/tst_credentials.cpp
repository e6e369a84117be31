#include "git/credentials.h"
#include "git/repository.h"

#include "remotefixture.h"

#include <QDir>
#include <QElapsedTimer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>
#include <memory>

using namespace capstan::git;

namespace {

const QString httpsUrl = QStringLiteral("https://git.example.com:8443/org/deploy.git");
const QString secret = QStringLiteral("s3cret-token");

QString messageOf(const capstan::Error &error)
{
    return QString::fromStdString(error.toString());
}

CredentialRequest httpsRequest(const QString &usernameFromUrl = {})
{
    CredentialRequest request;
    request.url = httpsUrl;
    request.usernameFromUrl = usernameFromUrl;
    request.userPasswordAllowed = true;
    return request;
}

DefaultCredentialOptions withToken(const QString &tokenUsername = {})
{
    DefaultCredentialOptions options;
    options.token = secret;
    options.tokenUsername = tokenUsername;
    return options;
}

void setCredentialHelper(const QString &helper)
{
    const QString home = qEnvironmentVariable("HOME");
    int absentIsFine = 0;
    if (helper.isEmpty())
        runGit(home,
            { QStringLiteral("config"), QStringLiteral("--global"), QStringLiteral("--unset-all"),
                QStringLiteral("credential.helper") },
            &absentIsFine);
    else
        runGit(home,
            { QStringLiteral("config"), QStringLiteral("--global"), QStringLiteral("credential.helper"), helper });
}

// An HTTP server on 127.0.0.1 that refuses every request with 401 Basic, recording
// the Authorization headers it was sent. Blocking I/O on a thread of its own,
// since libgit2 blocks the test's thread while it talks to it.
class RefusingHttpServer final
{
public:
    RefusingHttpServer()
    {
        m_thread.reset(QThread::create([this] { serve(); }));
        m_thread->start();
        while (m_port == 0 && !m_thread->isFinished())
            QThread::msleep(10);
    }
    ~RefusingHttpServer() { stop(); }
    // Read what it recorded only after this.
    void stop()
    {
        m_stop = true;
        m_thread->wait();
    }
    quint16 port() const { return m_port; }
    int requests() const { return m_requests; }
    QStringList authorizations() const { return m_authorizations; }

private:
    void serve()
    {
        QTcpServer server;
        if (!server.listen(QHostAddress::LocalHost, 0))
            return;
        m_port = server.serverPort();
        while (!m_stop) {
            if (!server.waitForNewConnection(50))
                continue;
            std::unique_ptr<QTcpSocket> socket(server.nextPendingConnection());
            QByteArray request;
            while (!request.contains("\r\n\r\n") && socket->waitForReadyRead(2000))
                request += socket->readAll();
            ++m_requests;
            for (const QByteArray &line : request.split('\n')) {
                if (line.toLower().startsWith("authorization:"))
                    m_authorizations.append(QString::fromLatin1(line.mid(14).trimmed()));
            }
            socket->write("HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Basic realm=\"capstan\"\r\n"
                          "Content-Length: 0\r\nConnection: close\r\n\r\n");
            socket->waitForBytesWritten(2000);
            socket->disconnectFromHost();
        }
    }

    std::unique_ptr<QThread> m_thread;
    std::atomic<quint16> m_port = 0;
    std::atomic<int> m_requests = 0;
    std::atomic<bool> m_stop = false;
    QStringList m_authorizations; // read after stop()
};

} // namespace

class TestCredentials : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { isolateGitEnvironment(); }
    void cleanup()
    {
        setCredentialHelper({});
        qunsetenv("SSH_AUTH_SOCK");
    }

    void tokenAnswersUserPasswordOnce_data()
    {
        QTest::addColumn<QString>("usernameFromUrl");
        QTest::addColumn<QString>("tokenUsername");
        QTest::addColumn<QString>("expectedUser");
        QTest::newRow("no user anywhere") << QString() << QString() << QStringLiteral("x-access-token");
        QTest::newRow("user in the URL") << QStringLiteral("ada") << QString() << QStringLiteral("ada");
        QTest::newRow("user given with the token")
            << QStringLiteral("ada") << QStringLiteral("oauth2") << QStringLiteral("oauth2");
    }
    void tokenAnswersUserPasswordOnce()
    {
        QFETCH(QString, usernameFromUrl);
        QFETCH(QString, tokenUsername);
        QFETCH(QString, expectedUser);
        // A configured helper does not override the token the person gave.
        setCredentialHelper(QStringLiteral("!f() { echo username=helper; echo password=helped; }; f"));
        CredentialAttempts attempts(defaultCredentialProvider(withToken(tokenUsername)));

        auto first = attempts.next(httpsRequest(usernameFromUrl));
        QVERIFY(first.ok());
        QCOMPARE(first->kind, Credential::Kind::UserPassword);
        QCOMPARE(first->username, expectedUser);
        QCOMPARE(first->password, secret);

        // libgit2 asks again after the remote refused it: no second try of the same token.
        auto second = attempts.next(httpsRequest(usernameFromUrl));
        QVERIFY(!second.ok());
        QVERIFY2(messageOf(second.error()).startsWith(QStringLiteral("authentication failed for ") + httpsUrl),
            qPrintable(messageOf(second.error())));
        QVERIFY(!messageOf(second.error()).contains(secret));
        QCOMPARE(attempts.attempts(), 1);
    }

    void gitCredentialHelpersAreAsked()
    {
        setCredentialHelper(
            QStringLiteral("!f() { cat > \"$HOME/helper-input\"; echo username=u; echo password=p; }; f"));
        CredentialAttempts attempts(defaultCredentialProvider());
        auto credential = attempts.next(httpsRequest());
        QVERIFY2(credential.ok(), credential.ok() ? "" : credential.error().toString().c_str());
        QCOMPARE(credential->kind, Credential::Kind::UserPassword);
        QCOMPARE(credential->username, QStringLiteral("u"));
        QCOMPARE(credential->password, QStringLiteral("p"));
        const QByteArray input = readFileIn(qEnvironmentVariable("HOME"), QStringLiteral("helper-input"));
        QVERIFY2(
            input.contains("protocol=https\n") && input.contains("host=git.example.com:8443\n"), input.constData());
        QVERIFY(!attempts.next(httpsRequest()).ok());
    }

    void withoutHelpersNothingIsOfferedAndNothingPrompts()
    {
        QElapsedTimer timer;
        timer.start();
        QVERIFY(!credentialFromGitHelpers(httpsUrl).has_value());
        QVERIFY(timer.elapsed() < 10000);
        CredentialAttempts attempts(defaultCredentialProvider());
        auto none = attempts.next(httpsRequest());
        QVERIFY(!none.ok());
        QVERIFY2(messageOf(none.error()).contains(QLatin1String("no credentials to offer")),
            qPrintable(messageOf(none.error())));
    }

    void sshTriesTheAgentThenEachKeyFileOnce()
    {
        QTemporaryDir ssh;
        for (const char *name : { "id_rsa", "id_ed25519", "id_ed25519.pub", "known_hosts" })
            writeFileIn(ssh.path(), QString::fromLatin1(name), "key\n");
        qputenv("SSH_AUTH_SOCK", ssh.filePath(QStringLiteral("agent.sock")).toLocal8Bit());
        DefaultCredentialOptions options;
        options.sshDirectory = ssh.path();
        CredentialAttempts attempts(defaultCredentialProvider(options));

        CredentialRequest request;
        request.url = QStringLiteral("ssh://deploy@git.example.com/org/deploy.git");
        request.usernameOnly = true;
        QCOMPARE(attempts.username(request).value(), QStringLiteral("deploy"));
        request.usernameOnly = false;
        request.usernameFromUrl = QStringLiteral("deploy");
        request.sshKeyAllowed = true;
        QList<Credential> offered;
        while (true) {
            auto next = attempts.next(request);
            if (!next.ok()) {
                QVERIFY(messageOf(next.error()).startsWith(QStringLiteral("authentication failed for ") + request.url));
                break;
            }
            offered.append(*next);
            QVERIFY(offered.size() < 10);
        }
        QCOMPARE(offered.size(), 3);
        QCOMPARE(offered.at(0).kind, Credential::Kind::SshAgent);
        QCOMPARE(offered.at(1).privateKeyPath, ssh.filePath(QStringLiteral("id_ed25519")));
        QCOMPARE(offered.at(1).publicKeyPath, ssh.filePath(QStringLiteral("id_ed25519.pub")));
        QCOMPARE(offered.at(2).privateKeyPath, ssh.filePath(QStringLiteral("id_rsa")));
        QCOMPARE(offered.at(2).publicKeyPath, QString());
        for (const Credential &credential : offered)
            QCOMPARE(credential.username, QStringLiteral("deploy"));
    }

    // When every credential was refused, the message names what was tried (never
    // a secret) and, for an encrypted key, that a wrong passphrase looks the same.
    void refusedSshCredentialsAreNamed()
    {
        const QString key = QStringLiteral("/home/ada/.ssh/deploy_ed25519");
        CredentialAttempts attempts([&](const CredentialRequest &) {
            Credential agent;
            agent.kind = Credential::Kind::SshAgent;
            agent.source = QStringLiteral("ssh-agent");
            Credential file;
            file.kind = Credential::Kind::SshKeyFile;
            file.privateKeyPath = key;
            file.passphrase = secret;
            file.source = key;
            return QList<Credential> { agent, file };
        });
        CredentialRequest request;
        request.url = QStringLiteral("ssh://git@git.example.com/org/deploy.git");
        request.sshKeyAllowed = true;
        QVERIFY(attempts.next(request).ok());
        QVERIFY(attempts.next(request).ok());
        auto exhausted = attempts.next(request);
        QVERIFY(!exhausted.ok());
        const QString message = messageOf(exhausted.error());
        QCOMPARE(message,
            QStringLiteral("authentication failed for %1: the remote refused the 2 credential(s) offered (ssh-agent, "
                           "%2); a wrong passphrase for %2 fails the same way")
                .arg(request.url, key));
        QVERIFY(!message.contains(secret));
    }

    void passwordsInUrlsStayOutOfMessages()
    {
        QCOMPARE(urlForMessages(QStringLiteral("https://ada:hunter2@git.example.com/x.git")),
            QStringLiteral("https://ada@git.example.com/x.git"));
        QCOMPARE(urlForMessages(QStringLiteral("git@git.example.com:org/x.git")),
            QStringLiteral("git@git.example.com:org/x.git"));
    }

    // Through libgit2: a refused token is sent once, then the fetch fails saying so.
    void refusedTokenIsSentOnceAndNamed()
    {
        RefusingHttpServer server;
        QVERIFY(server.port() != 0);
        QTemporaryDir dir;
        auto repo = Repository::init(dir.path());
        QVERIFY(repo.ok());
        const QString url = QStringLiteral("http://127.0.0.1:%1/org/deploy.git").arg(server.port());
        runGit(dir.path(), { QStringLiteral("remote"), QStringLiteral("add"), QStringLiteral("origin"), url });

        RemoteOptions options;
        options.credentials = defaultCredentialProvider(withToken());
        auto fetched = repo->fetch(QStringLiteral("origin"), options);
        QVERIFY(!fetched.ok());
        const QString message = messageOf(fetched.error());
        QVERIFY2(message.contains(QStringLiteral("authentication failed for ") + url), qPrintable(message));
        QVERIFY(!message.contains(secret));
        server.stop();
        QCOMPARE(server.authorizations(),
            QStringList {
                QStringLiteral("Basic ") + QString::fromLatin1(("x-access-token:" + secret).toUtf8().toBase64()) });
        QVERIFY(server.requests() <= 3);
        QVERIFY(runGit(dir.path(), { QStringLiteral("for-each-ref"), QStringLiteral("refs/remotes") }).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCredentials)
#include "tst_credentials.moc"
