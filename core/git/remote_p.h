#pragma once

// Internal to core/git: one network operation against a remote, and the
// libgit2 callbacks that verify ssh host keys, answer credentials and collect
// push statuses.

#include "common/result.h"
#include "git/credentials.h"
#include "git/handle_p.h"
#include "git/remote.h"
#include "git/repository_p.h"

#include <QList>
#include <QPair>

#include <optional>

namespace capstan::git::detail {

using RemoteHandle = Handle<git_remote, git_remote_free>;

// What libgit2's callbacks need during one operation, and what they learned.
// Lives on the stack of the operation; callbacks() points libgit2 at it.
class RemoteSession final
{
public:
    // url: the URL the operation connects to (its ssh port is needed to look the
    // host key up; libgit2 passes only the host name to the callback).
    RemoteSession(const RemoteOptions &options, const QString &url);
    RemoteSession(const RemoteSession &) = delete;
    RemoteSession &operator=(const RemoteSession &) = delete;

    git_remote_callbacks callbacks();

    // The error for a failed operation: the host key refusal, else the
    // authentication failure when the credentials ran out, else libgit2's
    // message; each after `what`.
    Error error(const QString &what) const;

    // Push: the refs the remote refused, with its reason.
    const QList<QPair<QString, QString>> &rejectedRefs() const { return m_rejected; }
    // Push: whether the remote already had every pushed tip (known after negotiation).
    bool nothingToUpdate() const { return m_negotiated && !m_anyUpdate; }

private:
    static int checkCertificate(git_cert *cert, int valid, const char *host, void *payload);
    static int acquireCredential(
        git_credential **out, const char *url, const char *usernameFromUrl, unsigned int allowed, void *payload);
    static int pushUpdateReference(const char *refname, const char *status, void *payload);
    static int pushNegotiation(const git_push_update **updates, size_t count, void *payload);

    CredentialAttempts m_credentials;
    QStringList m_knownHostsFiles;
    int m_sshPort;
    std::optional<Error> m_hostKeyError;
    std::optional<Error> m_authenticationError;
    QList<QPair<QString, QString>> m_rejected;
    bool m_negotiated = false;
    bool m_anyUpdate = false;
};

// A configured remote of a repository, with its name and URL for messages.
struct NamedRemote
{
    RemoteHandle remote;
    QString name;
    QString url; // password removed
    QString describe() const { return name + QStringLiteral(" (") + url + QLatin1Char(')'); }
};

// The URL an operation on remote connects to: for a push its pushurl when one is set.
QString connectionUrl(git_remote *remote, git_direction direction);

Result<NamedRemote> lookupRemote(const RepositoryData &data, const QString &name);

// Fetches the remote's configured refspecs into its remote-tracking refs.
Result<void> fetchRemote(const RepositoryData &data, NamedRemote &remote, const RemoteOptions &options);

// The remote-tracking ref that the remote's fetch refspecs map refName (refs/heads/x)
// to; empty when none does.
QByteArray trackingRef(git_remote *remote, const QByteArray &refName);

} // namespace capstan::git::detail
