#pragma once

// Exec credential plugins (client.authentication.k8s.io ExecCredential, v1 and v1beta1):
// how GKE, EKS and AKS hand out tokens and client certificates.

#include "common/result.h"
#include "kube/kubeconfig.h"

#include <chrono>
#include <functional>
#include <mutex>
#include <optional>
#include <string>

namespace capstan::kube {

// What a plugin returned (ExecCredential status).
struct ExecCredential
{
    std::string token;
    std::string clientCertificateData; // PEM
    std::string clientKeyData; // PEM
    // When it stops being valid; none: valid until the server rejects it.
    std::optional<std::chrono::system_clock::time_point> expiry;
};

// Runs one user's plugin and caches its credential until it expires. Thread-safe: concurrent
// callers wait for one run. Interactive plugins are not supported: the plugin's stdin is
// closed and ExecCredential spec.interactive is false (interactiveMode is treated as Never).
class ExecCredentialProvider
{
public:
    struct Options
    {
        std::chrono::milliseconds timeout = std::chrono::seconds(60);
        // The clock expiry is checked against; tests replace it.
        std::function<std::chrono::system_clock::time_point()> now = [] {
            return std::chrono::system_clock::now();
        };
    };

    // `cluster` is passed to the plugin in spec.cluster when the config asks for it.
    ExecCredentialProvider(ExecConfig config, ClusterEntry cluster, Options options);
    ExecCredentialProvider(ExecConfig config, ClusterEntry cluster)
        : ExecCredentialProvider(std::move(config), std::move(cluster), Options())
    {
    }

    // The cached credential, or a fresh one when none is cached or it has expired.
    capstan::Result<ExecCredential> credential();
    // Drops the cached credential (the server answered 401): the next call runs the plugin.
    void invalidate();

private:
    capstan::Result<ExecCredential> run() const;

    ExecConfig m_config;
    ClusterEntry m_cluster;
    Options m_options;
    std::mutex m_mutex;
    std::optional<ExecCredential> m_cached;
};

// Parses a plugin's stdout; `apiVersion` is the version the kubeconfig asked for.
capstan::Result<ExecCredential> parseExecCredential(const std::string &output, const std::string &apiVersion);

} // namespace capstan::kube
