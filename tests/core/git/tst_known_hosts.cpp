#include "git/known_hosts.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace capstan::git;
using Status = HostKeyCheck::Status;

namespace {

// Public keys made with ssh-keygen; their fingerprints as `ssh-keygen -lf` printed them.
const QByteArray edA = "AAAAC3NzaC1lZDI1NTE5AAAAIAZzqtq77eO+3Z9/tucuTLR59WFn0q1Ec8GDs9deFLVe";
const QString edAFingerprint = QStringLiteral("SHA256:8a8pA0KakfkOPExz6AZwDHACHewfZtYV182XVsDDVvs");
const QByteArray edB = "AAAAC3NzaC1lZDI1NTE5AAAAILxAsBT0EfivANAiQeeEqWYADahzlcfDjQWR//4EExoK";
const QByteArray ecdsa = "AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBCAoMTdbWu4n2IwlKHHFNmH5oh4Bb+RQceRiu"
                         "C2ITW1awA9hhSIOAL7/i4iAf57Hy9nBGA6T6bk4WZOacSZljyI=";
// `ssh-keygen -H` of "git.example.com ssh-ed25519 edA" and "[git.example.com]:2222 ssh-ed25519 edB".
const QByteArray hashedPort22 = "|1|0MLRmBeZU7dmCjvGMH7TN2ZTpmk=|JCW8DrlrwBWNUsX+EFjC9FbNmfQ=";
const QByteArray hashedPort2222 = "|1|zL0UXiBA5x/O6TMu7CBf5z51ZfQ=|K0B1r1qfXgPQrIuucDKP7lrhUwo=";

QByteArray blob(const QByteArray &base64)
{
    return QByteArray::fromBase64(base64);
}

QByteArray ed(const QByteArray &hosts, const QByteArray &key)
{
    return hosts + " ssh-ed25519 " + key + " someone@laptop\n";
}

QString messageOf(const capstan::Error &error)
{
    return QString::fromStdString(error.toString());
}

} // namespace

// known_hosts lookups as OpenSSH's ssh does them, and the messages that refuse a host.
class TestKnownHosts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void keyTypeAndFingerprint()
    {
        QCOMPARE(hostKeyType(blob(edA)), QStringLiteral("ssh-ed25519"));
        QCOMPARE(hostKeyType(blob(ecdsa)), QStringLiteral("ecdsa-sha2-nistp256"));
        QCOMPARE(hostKeyType(QByteArray("\0\0\0", 3)), QString());
        QCOMPARE(hostKeyType(QByteArray("\0\0\1\0ssh-ed25519", 15)), QString());
        QCOMPARE(sha256Fingerprint(blob(edA)), edAFingerprint);
    }

    void port_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<int>("port");
        QTest::newRow("ssh with port") << QStringLiteral("ssh://git@example.com:2222/org/deploy.git") << 2222;
        QTest::newRow("ssh without port") << QStringLiteral("ssh://git@example.com/org/deploy.git") << 22;
        QTest::newRow("git+ssh") << QStringLiteral("git+ssh://example.com:2200/deploy.git") << 2200;
        QTest::newRow("scp-like") << QStringLiteral("git@example.com:org/deploy.git") << 22;
        QTest::newRow("ipv6") << QStringLiteral("ssh://git@[::1]:2022/deploy.git") << 2022;
    }
    void port()
    {
        QFETCH(QString, url);
        QFETCH(int, port);
        QCOMPARE(sshPortOfUrl(url), port);
        QCOMPARE(knownHostsName(QStringLiteral("h"), port),
            port == 22 ? QStringLiteral("h") : QStringLiteral("[h]:%1").arg(port));
    }

    void check_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");
        QTest::addColumn<QByteArray>("key");
        QTest::addColumn<Status>("status");
        QTest::addColumn<int>("line");
        QTest::addColumn<QStringList>("otherTypes");

        const QString host = QStringLiteral("git.example.com");
        QTest::newRow("plain name, same key")
            << ed("git.example.com", edA) << host << 22 << edA << Status::Known << 1 << QStringList();
        QTest::newRow("plain name, other key")
            << ed("git.example.com", edB) << host << 22 << edA << Status::Changed << 1 << QStringList();
        QTest::newRow("empty file") << QByteArray() << host << 22 << edA << Status::Unknown << 0 << QStringList();
        QTest::newRow("comments and blank lines") << ("# deploy servers\n\n   \n" + ed("git.example.com", edA)) << host
                                                  << 22 << edA << Status::Known << 4 << QStringList();
        QTest::newRow("comma-separated names") << ed("other.example.com,git.example.com,10.0.0.7", edA) << host << 22
                                               << edA << Status::Known << 1 << QStringList();
        QTest::newRow("other host only") << ed("other.example.com", edB) << host << 22 << edA << Status::Unknown << 0
                                         << QStringList();
        QTest::newRow("plain name does not cover another port")
            << ed("git.example.com", edB) << host << 2222 << edA << Status::Unknown << 0 << QStringList();
        QTest::newRow("[host]:port entry")
            << ed("[git.example.com]:2222", edA) << host << 2222 << edA << Status::Known << 1 << QStringList();
        QTest::newRow("[host]:port entry, other key")
            << ed("[git.example.com]:2222", edB) << host << 2222 << edA << Status::Changed << 1 << QStringList();
        QTest::newRow("[host]:port entry does not cover port 22")
            << ed("[git.example.com]:2222", edB) << host << 22 << edA << Status::Unknown << 0 << QStringList();
        QTest::newRow("hashed, port 22") << (ed(hashedPort22, edA) + ed(hashedPort2222, edB)) << host << 22 << edA
                                         << Status::Known << 1 << QStringList();
        QTest::newRow("hashed, port 2222") << (ed(hashedPort22, edA) + ed(hashedPort2222, edB)) << host << 2222 << edB
                                           << Status::Known << 2 << QStringList();
        QTest::newRow("hashed, changed") << (ed(hashedPort22, edA) + ed(hashedPort2222, edB)) << host << 2222 << edA
                                         << Status::Changed << 2 << QStringList();
        QTest::newRow("hashed, other host") << ed(hashedPort22, edA) << QStringLiteral("evil.example.com") << 22 << edA
                                            << Status::Unknown << 0 << QStringList();
        QTest::newRow("host name case") << ed("Git.Example.COM", edA) << QStringLiteral("GIT.example.com") << 22 << edA
                                        << Status::Known << 1 << QStringList();
        QTest::newRow("wildcard") << ed("*.example.com", edA) << host << 22 << edA << Status::Known << 1
                                  << QStringList();
        QTest::newRow("wildcard ?") << ed("git.example.co?", edA) << host << 22 << edA << Status::Known << 1
                                    << QStringList();
        QTest::newRow("negated name") << ed("*.example.com,!git.example.com", edA) << host << 22 << edA
                                      << Status::Unknown << 0 << QStringList();
        QTest::newRow("revoked key wins over a later entry")
            << ("@revoked * ssh-ed25519 " + edA + "\n" + ed("git.example.com", edA)) << host << 22 << edA
            << Status::Revoked << 1 << QStringList();
        QTest::newRow("revoked key wins over an earlier entry")
            << (ed("git.example.com", edA) + "@revoked git.example.com ssh-ed25519 " + edA + "\n") << host << 22 << edA
            << Status::Revoked << 2 << QStringList();
        QTest::newRow("revoking another key") << ("@revoked * ssh-ed25519 " + edB + "\n" + ed("git.example.com", edA))
                                              << host << 22 << edA << Status::Known << 2 << QStringList();
        QTest::newRow("revoked for another host")
            << ("@revoked other.example.com ssh-ed25519 " + edA + "\n" + ed("git.example.com", edA)) << host << 22
            << edA << Status::Known << 2 << QStringList();
        QTest::newRow("cert-authority does not make a host known")
            << ("@cert-authority *.example.com ssh-ed25519 " + edA + "\n") << host << 22 << edA << Status::Unknown << 0
            << QStringList();
        QTest::newRow("only another key type known")
            << ("git.example.com ecdsa-sha2-nistp256 " + ecdsa + "\n") << host << 22 << edA << Status::Unknown << 0
            << QStringList { QStringLiteral("ecdsa-sha2-nistp256") };
        QTest::newRow("known wins over changed") << (ed("git.example.com", edB) + ed("git.example.com", edA)) << host
                                                 << 22 << edA << Status::Known << 2 << QStringList();
        QTest::newRow("malformed lines are skipped")
            << ("git.example.com\ngit.example.com ssh-ed25519 !!notbase64!!\ngit.example.com ssh-rsa " + edA
                   + "\n2048 35 12345 git.example.com\n")
            << host << 22 << edA << Status::Unknown << 0 << QStringList();
        QTest::newRow("CRLF line ends and tabs") << ("git.example.com\tssh-ed25519\t" + edA + "\r\n") << host << 22
                                                 << edA << Status::Known << 1 << QStringList();
    }
    void check()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, host);
        QFETCH(int, port);
        QFETCH(QByteArray, key);
        QFETCH(Status, status);
        QFETCH(int, line);
        QFETCH(QStringList, otherTypes);

        const HostKeyCheck result
            = checkHostKey({ { QStringLiteral("/home/ada/.ssh/known_hosts"), text } }, host, port, blob(key));
        QCOMPARE(result.status, status);
        QCOMPARE(result.line, line);
        QCOMPARE(result.file, line ? QStringLiteral("/home/ada/.ssh/known_hosts") : QString());
        QCOMPARE(result.otherKeyTypes, otherTypes);
    }

    // The system-wide file counts as much as the person's own.
    void secondFile()
    {
        const QList<KnownHostsFile> files { { QStringLiteral("/home/ada/.ssh/known_hosts"),
                                                ed("other.example.com", edA) },
            { QStringLiteral("/etc/ssh/ssh_known_hosts"), "# managed\n" + ed("git.example.com", edA) } };
        const HostKeyCheck result = checkHostKey(files, QStringLiteral("git.example.com"), 22, blob(edA));
        QCOMPARE(result.status, Status::Known);
        QCOMPARE(result.file, QStringLiteral("/etc/ssh/ssh_known_hosts"));
        QCOMPARE(result.line, 2);
    }

    void unknownHostMessage()
    {
        QTemporaryDir dir;
        const QString missing = dir.filePath(QStringLiteral("known_hosts"));
        auto verified = verifyHostKey({ missing }, QStringLiteral("git.example.com"), 2222, blob(edA));
        QVERIFY(!verified);
        const QString message = messageOf(verified.error());
        QVERIFY2(message.contains(QStringLiteral("host key of git.example.com port 2222 is not known")),
            qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("ssh-ed25519 key ") + edAFingerprint), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("`ssh -p 2222 git.example.com`")), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("`ssh-keyscan -p 2222 -t ssh-ed25519 git.example.com >> ") + missing),
            qPrintable(message));

        auto port22 = verifyHostKey({ missing }, QStringLiteral("git.example.com"), 22, blob(edA));
        QVERIFY(!port22);
        QVERIFY2(messageOf(port22.error()).contains(QStringLiteral("`ssh git.example.com`")),
            qPrintable(messageOf(port22.error())));
    }

    void changedKeyMessage()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("known_hosts"));
        writeFile(path, "# ours\n" + ed("[git.example.com]:2222", edB));
        auto verified = verifyHostKey({ path }, QStringLiteral("git.example.com"), 2222, blob(edA));
        QVERIFY(!verified);
        const QString message = messageOf(verified.error());
        QVERIFY2(
            message.contains(QStringLiteral("host key of git.example.com port 2222 has CHANGED")), qPrintable(message));
        QVERIFY2(message.contains(path + QStringLiteral(":2 holds a different ssh-ed25519 key")), qPrintable(message));
        QVERIFY2(message.contains(edAFingerprint), qPrintable(message));
        QVERIFY2(
            message.contains(QStringLiteral("ssh-keygen -R '[git.example.com]:2222' -f ") + path), qPrintable(message));

        writeFile(path, ed("[git.example.com]:2222", edA));
        QVERIFY(verifyHostKey({ path }, QStringLiteral("git.example.com"), 2222, blob(edA)));
    }

    void revokedKeyMessage()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("ssh_known_hosts"));
        writeFile(path, ed("git.example.com", edA) + "@revoked * ssh-ed25519 " + edA + "\n");
        auto verified = verifyHostKey({ path }, QStringLiteral("git.example.com"), 22, blob(edA));
        QVERIFY(!verified);
        QVERIFY2(messageOf(verified.error())
                     .contains(QStringLiteral("is revoked by the @revoked entry at ") + path + QStringLiteral(":2")),
            qPrintable(messageOf(verified.error())));
    }

    // A file that is there but cannot be read must not quietly make a known host unknown.
    void unreadableFile()
    {
        QTemporaryDir dir;
        auto verified = verifyHostKey({ dir.path() }, QStringLiteral("git.example.com"), 22, blob(edA));
        QVERIFY(!verified);
        QVERIFY2(messageOf(verified.error()).contains(QStringLiteral("cannot read the known_hosts file ") + dir.path()),
            qPrintable(messageOf(verified.error())));
    }

    void noUsableKey()
    {
        auto verified = verifyHostKey({}, QStringLiteral("git.example.com"), 22, QByteArray());
        QVERIFY(!verified);
        QVERIFY(messageOf(verified.error()).contains(QStringLiteral("sent no usable host key")));
    }

private:
    static void writeFile(const QString &path, const QByteArray &content)
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        QCOMPARE(file.write(content), content.size());
    }
};

QTEST_GUILESS_MAIN(TestKnownHosts)
#include "tst_known_hosts.moc"
