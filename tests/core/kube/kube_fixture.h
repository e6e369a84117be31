#pragma once

// What KubeCluster tests share: a test PKI made with the openssl CLI, the fake API server
// that serves v1.29 discovery, and kubeconfigs pointing at it.

#include "fake_api_server.h"
#include "kube/kube_cluster.h"

#include <QTemporaryDir>

#include <memory>

struct KubeFixture
{
    QTemporaryDir dir;
    QString caCert; // also signs the client certificate of user "alice"
    QString clientCert;
    QString clientKey;
    std::unique_ptr<FakeApiServer> server;
    bool aggregatedDiscovery = false;
    // Discovery documents by path, answered before the built-in v1.29 ones (a test that
    // serves more API groups replaces "/apis" and adds their resource lists). Set before serve().
    QMap<QString, QByteArray> discovery;

    // Makes the PKI and starts the server; false (with a warning) when openssl fails.
    bool start();

    // Answers discovery; everything else goes to `rest`.
    void serve(FakeApiServer::Handler rest);

    // A kubeconfig for the server: context "test" (namespace team-a), cluster fields from
    // `clusterExtra` (default: the test CA), user fields from `user`.
    QString writeKubeconfig(const QByteArray &user, const QByteArray &clusterExtra = {});
    std::unique_ptr<capstan::kube::KubeCluster> open(const QByteArray &user = "token: secret-token",
        const QByteArray &clusterExtra = {}, capstan::kube::KubeCluster::Options options = {});
    QString write(const QString &name, const QByteArray &text);
};
