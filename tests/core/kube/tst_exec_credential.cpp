#include "kube/exec_credential.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace capstan::kube;
using namespace std::chrono_literals;

namespace {

// The plugin: counts its runs in $COUNT_FILE, saves KUBERNETES_EXEC_INFO, and answers as
// $MODE says.
const char *kPlugin = R"sh(#!/bin/sh
echo run >> "$COUNT_FILE"
printf '%s' "$KUBERNETES_EXEC_INFO" > "$COUNT_FILE.info"
V=client.authentication.k8s.io/v1
case "$MODE" in
token) printf '{"apiVersion":"%s","kind":"ExecCredential","status":{"token":"tok-%s-%s","expirationTimestamp":"2030-01-01T00:00:00Z"}}' "$V" "$1" "$(wc -l < "$COUNT_FILE" | tr -d ' ')" ;;
forever) printf '{"apiVersion":"client.authentication.k8s.io/v1beta1","kind":"ExecCredential","status":{"token":"forever"}}' ;;
cert) printf '{"apiVersion":"%s","kind":"ExecCredential","status":{"clientCertificateData":"-----BEGIN CERTIFICATE-----\\n","clientKeyData":"-----BEGIN PRIVATE KEY-----\\n"}}' "$V" ;;
badjson) echo 'not json at all' ;;
fail) echo 'error: could not find default credentials' >&2; exit 3 ;;
slow) sleep 5 ;;
wrongversion) printf '{"apiVersion":"client.authentication.k8s.io/v1beta1","kind":"ExecCredential","status":{"token":"x"}}' ;;
empty) printf '{"apiVersion":"%s","kind":"ExecCredential","status":{}}' "$V" ;;
esac
)sh";

struct Plugin
{
    QTemporaryDir dir;
    QString script;
    QString counter;

    Plugin()
    {
        script = dir.filePath("plugin.sh");
        counter = dir.filePath("count");
        QFile f(script);
        if (!f.open(QIODevice::WriteOnly))
            qFatal("cannot write plugin");
        f.write(kPlugin);
        f.close();
        f.setPermissions(f.permissions() | QFile::ExeOwner);
    }

    ExecConfig config(const QString &mode, const std::string &apiVersion = "client.authentication.k8s.io/v1") const
    {
        ExecConfig c;
        c.apiVersion = apiVersion;
        c.command = script.toStdString();
        c.args = { "arg1" };
        c.env = { { "MODE", mode.toStdString() }, { "COUNT_FILE", counter.toStdString() } };
        return c;
    }

    int runs() const
    {
        QFile f(counter);
        return f.open(QIODevice::ReadOnly) ? f.readAll().count('\n') : 0;
    }

    QJsonObject execInfo() const
    {
        QFile f(counter + ".info");
        return f.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(f.readAll()).object() : QJsonObject();
    }
};

std::chrono::system_clock::time_point at(const char *iso)
{
    return std::chrono::system_clock::time_point(
        std::chrono::milliseconds(QDateTime::fromString(iso, Qt::ISODate).toMSecsSinceEpoch()));
}

} // namespace

class TestExecCredential : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cachesUntilExpiry()
    {
        Plugin plugin;
        auto clock = std::make_shared<std::chrono::system_clock::time_point>(at("2029-12-31T23:00:00Z"));
        ExecCredentialProvider::Options options;
        options.now = [clock] {
            return *clock;
        };
        ExecCredentialProvider provider(plugin.config("token"), {}, options);

        auto first = provider.credential();
        QVERIFY2(first.ok(), first.ok() ? "" : first.error().toString().c_str());
        QCOMPARE(first->token, std::string("tok-arg1-1"));
        QVERIFY(first->expiry == at("2030-01-01T00:00:00Z"));
        QCOMPARE(provider.credential()->token, std::string("tok-arg1-1"));
        QCOMPARE(plugin.runs(), 1);

        *clock = at("2030-01-01T00:00:01Z"); // expired: the plugin runs again
        QCOMPARE(provider.credential()->token, std::string("tok-arg1-2"));
        QCOMPARE(plugin.runs(), 2);

        provider.invalidate(); // a 401 from the server
        QCOMPARE(provider.credential()->token, std::string("tok-arg1-3"));
        QCOMPARE(plugin.runs(), 3);
    }

    void noExpiryMeansCachedForever()
    {
        Plugin plugin;
        ExecCredentialProvider provider(plugin.config("forever", "client.authentication.k8s.io/v1beta1"), {});
        QCOMPARE(provider.credential()->token, std::string("forever"));
        QCOMPARE(provider.credential()->token, std::string("forever"));
        QCOMPARE(plugin.runs(), 1);
        QVERIFY(!provider.credential()->expiry);
    }

    void clientCertificate()
    {
        Plugin plugin;
        ExecCredentialProvider provider(plugin.config("cert"), {});
        auto c = provider.credential();
        QVERIFY(c.ok());
        QCOMPARE(c->clientCertificateData, std::string("-----BEGIN CERTIFICATE-----\n"));
        QCOMPARE(c->clientKeyData, std::string("-----BEGIN PRIVATE KEY-----\n"));
        QVERIFY(c->token.empty());
    }

    void execInfoEnvironment()
    {
        Plugin plugin;
        ExecConfig config = plugin.config("token");
        config.provideClusterInfo = true;
        ClusterEntry cluster;
        cluster.server = "https://10.0.0.1:6443";
        cluster.tlsServerName = "api.internal";
        cluster.certificateAuthorityData = "PEM";
        ExecCredentialProvider provider(config, cluster);
        QVERIFY(provider.credential().ok());
        const QJsonObject info = plugin.execInfo();
        QCOMPARE(info.value("apiVersion").toString(), "client.authentication.k8s.io/v1");
        QCOMPARE(info.value("kind").toString(), "ExecCredential");
        const QJsonObject spec = info.value("spec").toObject();
        QCOMPARE(spec.value("interactive").toBool(true), false);
        QCOMPARE(spec.value("cluster").toObject().value("server").toString(), "https://10.0.0.1:6443");
        QCOMPARE(spec.value("cluster").toObject().value("tls-server-name").toString(), "api.internal");
        QCOMPARE(spec.value("cluster").toObject().value("certificate-authority-data").toString(), "UEVN");

        config.provideClusterInfo = false; // no cluster unless asked for
        ExecCredentialProvider without(config, cluster);
        QVERIFY(without.credential().ok());
        QVERIFY(!plugin.execInfo().value("spec").toObject().contains("cluster"));
    }

    void errors_data()
    {
        QTest::addColumn<QString>("mode");
        QTest::addColumn<QString>("expected");
        QTest::newRow("non-zero exit") << "fail"
                                       << "failed (exit code 3): error: could not find default credentials";
        QTest::newRow("bad json") << "badjson"
                                  << "did not print an ExecCredential as JSON";
        QTest::newRow("wrong version") << "wrongversion"
                                       << "configured for client.authentication.k8s.io/v1 but printed apiVersion "
                                          "\"client.authentication.k8s.io/v1beta1\"";
        QTest::newRow("no credential") << "empty"
                                       << "neither a token nor a client certificate";
        QTest::newRow("timeout") << "slow"
                                 << "did not finish within 500 ms";
    }

    void errors()
    {
        QFETCH(QString, mode);
        QFETCH(QString, expected);
        Plugin plugin;
        ExecCredentialProvider::Options options;
        options.timeout = 500ms;
        ExecCredentialProvider provider(plugin.config(mode), {}, options);
        auto c = provider.credential();
        QVERIFY(!c.ok());
        const QString message = QString::fromStdString(c.error().toString());
        QVERIFY2(message.contains(expected), qPrintable(message));
        QVERIFY2(message.contains("plugin.sh"), qPrintable(message)); // names the plugin
        // A failure is not cached: the next call tries again.
        QVERIFY(!provider.credential().ok());
        QCOMPARE(plugin.runs(), 2);
    }

    void pluginNotFound()
    {
        ExecConfig config;
        config.apiVersion = "client.authentication.k8s.io/v1";
        config.command = "capstan-no-such-auth-plugin";
        config.installHint = "Install it with: apt install capstan-auth";
        ExecCredentialProvider provider(config, {});
        auto c = provider.credential();
        QVERIFY(!c.ok());
        const QString message = QString::fromStdString(c.error().toString());
        QVERIFY2(message.contains("\"capstan-no-such-auth-plugin\" could not be started"), qPrintable(message));
        QVERIFY2(message.contains("Install it with: apt install capstan-auth"), qPrintable(message));
    }
};

QTEST_GUILESS_MAIN(TestExecCredential)
#include "tst_exec_credential.moc"
