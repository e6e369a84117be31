#pragma once

// One authenticated connection to an API server: TLS and credentials from the kubeconfig,
// the client-side rate limit, and the transport thread.

#include "common/result.h"
#include "kube/exec_credential.h"
#include "kube/kubeconfig.h"
#include "kube/rate_limiter_p.h"
#include "kube/transport_p.h"

#include <QSslConfiguration>

#include <memory>
#include <string>

namespace capstan::kube::detail {

struct ConnectionOptions
{
    double qps = 50;
    int burst = 100;
    std::chrono::milliseconds timeout = std::chrono::seconds(30);
    ExecCredentialProvider::Options exec;
};

class Connection
{
public:
    // Reads certificate files and checks the TLS material; contacts nothing yet.
    static capstan::Result<std::unique_ptr<Connection>> create(
        const Kubeconfig::Resolved &config, const ConnectionOptions &options);
    ~Connection();

    const std::string &server() const { return m_server; }
    Transport &transport() { return *m_transport; }

    // An authenticated request to `pathAndQuery` ("/api/v1/pods?limit=500"). Runs the exec
    // plugin or re-reads the token file when needed; usable on any thread.
    capstan::Result<HttpRequest> prepare(const QByteArray &method, const std::string &pathAndQuery,
        const QByteArray &body = {}, const QByteArray &contentType = {}, const QByteArray &accept = "application/json",
        bool stream = false);

    // Sends from a caller thread, waiting for a rate-limit token first. After a 401 with an
    // exec credential, the credential is dropped and the request sent once more (it may
    // have been revoked before its expiry).
    capstan::Result<HttpResponse> call(const QByteArray &method, const std::string &pathAndQuery,
        const QByteArray &body = {}, const QByteArray &contentType = {}, const QByteArray &accept = "application/json");

    // The server answered 401: an exec credential is dropped, so the next request runs the
    // plugin again (it may have been revoked before its expiry).
    void credentialRejected();

private:
    Connection() = default;

    std::string m_server; // without a trailing slash
    std::string m_userName;
    QSslConfiguration m_ssl;
    QString m_peerVerifyName;
    std::string m_token;
    std::string m_tokenFile;
    std::unique_ptr<ExecCredentialProvider> m_exec;
    std::unique_ptr<RateLimiter> m_limiter;
    std::chrono::milliseconds m_timeout { 0 };
    std::unique_ptr<Transport> m_transport;
};

} // namespace capstan::kube::detail
