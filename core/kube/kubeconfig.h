#pragma once

// kubeconfig files as kubectl reads them: KUBECONFIG (several files, merged) or ~/.kube/config.

#include "common/result.h"

#include <optional>
#include <string>
#include <vector>

namespace capstan::kube {

// How to reach one API server (a kubeconfig `clusters[].cluster`).
struct ClusterEntry
{
    std::string name;
    std::string server; // "https://10.0.0.1:6443"
    std::string certificateAuthority; // a path, absolute after loading
    std::string certificateAuthorityData; // PEM, decoded from base64
    bool insecureSkipTlsVerify = false;
    std::string tlsServerName;
    std::string proxyUrl;
    std::string definedIn; // the file this entry came from
};

// An exec credential plugin (`users[].user.exec`).
struct ExecConfig
{
    std::string apiVersion; // client.authentication.k8s.io/v1 or /v1beta1
    std::string command; // absolute when the file named it by a relative path
    std::vector<std::string> args;
    std::vector<std::pair<std::string, std::string>> env;
    std::string installHint;
    bool provideClusterInfo = false;
};

// Who to be (`users[].user`).
struct UserEntry
{
    std::string name;
    std::string clientCertificate; // paths, absolute after loading
    std::string clientCertificateData; // PEM, decoded from base64
    std::string clientKey;
    std::string clientKeyData;
    std::string token;
    std::string tokenFile;
    std::optional<ExecConfig> exec;
    std::string definedIn;
};

// A named pair of cluster and user, with a default namespace.
struct ContextEntry
{
    std::string name;
    std::string cluster;
    std::string user;
    std::string ns; // empty: "default"
    std::string definedIn;
};

// A merged kubeconfig. Entries keep the order in which the files list them.
class Kubeconfig
{
public:
    // Reads KUBECONFIG (files separated by ':'; missing ones skipped, as kubectl does) or,
    // when unset or empty, ~/.kube/config. Fails when no file could be read.
    static capstan::Result<Kubeconfig> loadDefault();
    // Merges files as kubectl does: for each named cluster, user and context the first file
    // that defines it wins; current-context comes from the first file that sets one.
    // Missing files are skipped unless none exists; an unreadable or invalid file fails.
    static capstan::Result<Kubeconfig> load(const std::vector<std::string> &files);
    // One file's text; relative paths in it resolve against the folder of `file`.
    static capstan::Result<Kubeconfig> parse(const std::string &text, const std::string &file);

    const std::vector<ClusterEntry> &clusters() const { return m_clusters; }
    const std::vector<UserEntry> &users() const { return m_users; }
    const std::vector<ContextEntry> &contexts() const { return m_contexts; }
    const std::string &currentContext() const { return m_currentContext; }
    const std::vector<std::string> &files() const { return m_files; }

    const ClusterEntry *cluster(const std::string &name) const;
    const UserEntry *user(const std::string &name) const;
    const ContextEntry *context(const std::string &name) const;

    // Everything needed to talk to one context's cluster; fails naming what is missing
    // (an unknown context, a context whose cluster or user is not defined, no server).
    struct Resolved
    {
        ContextEntry context;
        ClusterEntry cluster;
        UserEntry user;
    };
    capstan::Result<Resolved> resolve(const std::string &contextName) const;

private:
    void mergeFrom(Kubeconfig &&other);

    std::vector<ClusterEntry> m_clusters;
    std::vector<UserEntry> m_users;
    std::vector<ContextEntry> m_contexts;
    std::string m_currentContext;
    std::vector<std::string> m_files;
};

// An Argo CD Application's destination: the API server URL or the cluster's name.
struct Destination
{
    std::string server;
    std::string name;
};

// The kubeconfig context that reaches `destination`. By server: a context whose cluster has
// that server URL (the current context when several do, else the first listed). By name: the
// context of that name, else a context whose cluster has that name. The error lists the
// contexts (with their servers) that exist.
capstan::Result<std::string> contextForDestination(const Kubeconfig &config, const Destination &destination);

} // namespace capstan::kube
