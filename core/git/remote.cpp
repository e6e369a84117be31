// Talking to remotes: host keys and credentials for libgit2, clone with
// options, fetch, ahead/behind.

#include "git/remote_p.h"

#include "git/branchupdate_p.h"
#include "git/error_p.h"
#include "git/known_hosts.h"
#include "git/repository.h"

namespace capstan::git {

using namespace detail;

namespace detail {

RemoteSession::RemoteSession(const RemoteOptions &options, const QString &url)
    : m_credentials(options.credentials ? options.credentials : defaultCredentialProvider())
    , m_knownHostsFiles(options.knownHostsFiles)
    , m_sshPort(sshPortOfUrl(url))
{
}

git_remote_callbacks RemoteSession::callbacks()
{
    git_remote_callbacks callbacks = GIT_REMOTE_CALLBACKS_INIT;
    callbacks.certificate_check = &RemoteSession::checkCertificate;
    callbacks.credentials = &RemoteSession::acquireCredential;
    callbacks.push_update_reference = &RemoteSession::pushUpdateReference;
    callbacks.push_negotiation = &RemoteSession::pushNegotiation;
    callbacks.payload = this;
    return callbacks;
}

Error RemoteSession::error(const QString &what) const
{
    if (m_hostKeyError)
        return plainError(what + QStringLiteral(": ") + QString::fromStdString(m_hostKeyError->message));
    if (m_authenticationError)
        return plainError(what + QStringLiteral(": ") + QString::fromStdString(m_authenticationError->message));
    return gitError(what);
}

int RemoteSession::checkCertificate(git_cert *cert, int, const char *host, void *payload)
{
    // https: libgit2's own TLS verification keeps its verdict, exactly as without this callback.
    if (cert->cert_type != GIT_CERT_HOSTKEY_LIBSSH2)
        return GIT_PASSTHROUGH;
    // ssh: libssh2's verdict (`valid`) only consulted ~/.ssh/known_hosts and cannot
    // tell a changed key from an unknown one, nor knows @revoked; ours decides.
    auto *session = static_cast<RemoteSession *>(payload);
    const auto *hostKey = reinterpret_cast<const git_cert_hostkey *>(cert);
    QByteArray keyBlob;
    if (hostKey->type & GIT_CERT_SSH_RAW)
        keyBlob = QByteArray(hostKey->hostkey, qsizetype(hostKey->hostkey_len));
    auto verified = verifyHostKey(session->m_knownHostsFiles, QString::fromUtf8(host), session->m_sshPort, keyBlob);
    if (verified)
        return 0;
    session->m_hostKeyError = verified.error();
    git_error_set_str(GIT_ERROR_SSH, verified.error().message.c_str());
    return GIT_ECERTIFICATE;
}

int RemoteSession::acquireCredential(
    git_credential **out, const char *url, const char *usernameFromUrl, unsigned int allowed, void *payload)
{
    auto *session = static_cast<RemoteSession *>(payload);
    CredentialRequest request;
    request.url = QString::fromUtf8(url);
    request.usernameFromUrl = QString::fromUtf8(usernameFromUrl);
    request.userPasswordAllowed = allowed & GIT_CREDENTIAL_USERPASS_PLAINTEXT;
    request.sshKeyAllowed = allowed & GIT_CREDENTIAL_SSH_KEY;
    request.usernameOnly
        = (allowed & GIT_CREDENTIAL_USERNAME) && !request.userPasswordAllowed && !request.sshKeyAllowed;

    auto fail = [&](const Error &error) {
        session->m_authenticationError = error;
        git_error_set_str(GIT_ERROR_NET, error.message.c_str());
        return -1;
    };
    if (request.usernameOnly) {
        auto username = session->m_credentials.username(request);
        if (!username)
            return fail(username.error());
        return git_credential_username_new(out, username->toUtf8().constData());
    }
    auto credential = session->m_credentials.next(request);
    if (!credential)
        return fail(credential.error());
    const QByteArray username = credential->username.toUtf8();
    switch (credential->kind) {
    case Credential::Kind::UserPassword:
        return git_credential_userpass_plaintext_new(
            out, username.constData(), credential->password.toUtf8().constData());
    case Credential::Kind::SshAgent:
        return git_credential_ssh_key_from_agent(out, username.constData());
    case Credential::Kind::SshKeyFile: {
        const QByteArray publicKey = credential->publicKeyPath.toUtf8();
        const QByteArray passphrase = credential->passphrase.toUtf8();
        return git_credential_ssh_key_new(out, username.constData(),
            publicKey.isEmpty() ? nullptr : publicKey.constData(), credential->privateKeyPath.toUtf8().constData(),
            passphrase.isEmpty() ? nullptr : passphrase.constData());
    }
    }
    return fail(plainError(QStringLiteral("authentication failed for %1").arg(urlForMessages(request.url))));
}

int RemoteSession::pushUpdateReference(const char *refname, const char *status, void *payload)
{
    if (status)
        static_cast<RemoteSession *>(payload)->m_rejected.append(
            { QString::fromUtf8(refname), QString::fromUtf8(status) });
    return 0;
}

int RemoteSession::pushNegotiation(const git_push_update **updates, size_t count, void *payload)
{
    auto *session = static_cast<RemoteSession *>(payload);
    session->m_negotiated = true;
    for (size_t i = 0; i < count; ++i) {
        if (!git_oid_equal(&updates[i]->src, &updates[i]->dst))
            session->m_anyUpdate = true;
    }
    return 0;
}

QString connectionUrl(git_remote *remote, git_direction direction)
{
    const char *url = direction == GIT_DIRECTION_PUSH && git_remote_pushurl(remote) ? git_remote_pushurl(remote)
                                                                                    : git_remote_url(remote);
    return QString::fromUtf8(url);
}

Result<NamedRemote> lookupRemote(const RepositoryData &data, const QString &name)
{
    NamedRemote result;
    result.name = name;
    if (git_remote_lookup(result.remote.out(), data.repo.get(), name.toUtf8().constData()) < 0)
        return gitError(QStringLiteral("no remote '%1' in %2").arg(name, data.path));
    result.url = urlForMessages(QString::fromUtf8(git_remote_url(result.remote.get())));
    return result;
}

Result<void> fetchRemote(const RepositoryData &, NamedRemote &remote, const RemoteOptions &options)
{
    RemoteSession session(options, connectionUrl(remote.remote.get(), GIT_DIRECTION_FETCH));
    git_fetch_options fetchOptions = GIT_FETCH_OPTIONS_INIT;
    fetchOptions.callbacks = session.callbacks();
    if (git_remote_fetch(remote.remote.get(), nullptr, &fetchOptions, nullptr) < 0)
        return session.error(QStringLiteral("cannot fetch from %1").arg(remote.describe()));
    return {};
}

QByteArray trackingRef(git_remote *remote, const QByteArray &refName)
{
    const size_t count = git_remote_refspec_count(remote);
    for (size_t i = 0; i < count; ++i) {
        const git_refspec *spec = git_remote_get_refspec(remote, i);
        if (git_refspec_direction(spec) != GIT_DIRECTION_FETCH || !git_refspec_src_matches(spec, refName.constData()))
            continue;
        Buffer tracking;
        if (git_refspec_transform(&tracking.buf, spec, refName.constData()) == 0)
            return QByteArray(tracking.buf.ptr, qsizetype(tracking.buf.size));
    }
    git_error_clear();
    return {};
}

} // namespace detail

Result<Repository> Repository::clone(const QString &source, const QString &destination, const RemoteOptions &options)
{
    ensureLibgit2();
    const QByteArray url = source.toUtf8();
    const QByteArray target = destination.toUtf8();
    RemoteSession session(options, source);
    git_clone_options cloneOptions = GIT_CLONE_OPTIONS_INIT;
    cloneOptions.fetch_opts.callbacks = session.callbacks();
    RepositoryHandle handle;
    if (git_clone(handle.out(), url.constData(), target.constData(), &cloneOptions) < 0)
        return session.error(QStringLiteral("cannot clone %1 into %2").arg(urlForMessages(source), destination));
    handle.reset();
    return open(destination);
}

Result<void> Repository::fetch(const QString &remote, const RemoteOptions &options)
{
    auto named = lookupRemote(*d, remote);
    if (!named)
        return named.error();
    return fetchRemote(*d, *named, options);
}

Result<AheadBehind> Repository::aheadBehind(const QString &localBranch) const
{
    git_repository *repo = d->repo.get();
    const QByteArray refName = "refs/heads/" + localBranch.toUtf8();
    git_oid local;
    if (git_reference_name_to_id(&local, repo, refName.constData()) < 0)
        return gitError(QStringLiteral("cannot read branch '%1' in %2").arg(localBranch, d->path));

    AheadBehind result;
    Buffer upstream;
    const int rc = git_branch_upstream_name(&upstream.buf, repo, refName.constData());
    if (rc == 0) {
        result.upstream = QString::fromUtf8(upstream.buf.ptr, qsizetype(upstream.buf.size));
    } else if (rc == GIT_ENOTFOUND) {
        git_error_clear();
        result.upstream = QStringLiteral("refs/remotes/origin/") + localBranch;
    } else {
        return gitError(QStringLiteral("cannot read the upstream of '%1' in %2").arg(localBranch, d->path));
    }
    git_oid remote;
    if (git_reference_name_to_id(&remote, repo, result.upstream.toUtf8().constData()) < 0)
        return gitError(QStringLiteral("cannot compare '%1' with %2 in %3 (fetch first?)")
                            .arg(localBranch, result.upstream, d->path));
    size_t ahead = 0;
    size_t behind = 0;
    if (git_graph_ahead_behind(&ahead, &behind, repo, &local, &remote) < 0)
        return gitError(QStringLiteral("cannot compare '%1' with %2 in %3").arg(localBranch, result.upstream, d->path));
    result.ahead = int(ahead);
    result.behind = int(behind);
    return result;
}

Result<int> Repository::fastForward(const QString &localBranch)
{
    auto relation = aheadBehind(localBranch);
    if (!relation)
        return relation.error();
    if (relation->behind == 0)
        return 0;
    if (relation->ahead > 0)
        return makeError(QStringLiteral("cannot fast-forward '%1': it has %2 commit(s) that %3 lacks (push them first)")
                             .arg(localBranch)
                             .arg(relation->ahead)
                             .arg(relation->upstream)
                             .toStdString());
    auto tip = branchTip(*d, localBranch);
    if (!tip)
        return tip.error();
    git_oid target;
    if (git_reference_name_to_id(&target, d->repo.get(), relation->upstream.toUtf8().constData()) < 0)
        return gitError(QStringLiteral("cannot read %1 in %2").arg(relation->upstream, d->path));
    if (auto moved = moveBranch(*d, *tip, target, "fast-forward: " + relation->upstream.toUtf8()); !moved)
        return moved.error();
    return relation->behind;
}

Result<std::optional<QString>> Repository::remoteUrl(const QString &remote) const
{
    RemoteHandle handle;
    const int rc = git_remote_lookup(handle.out(), d->repo.get(), remote.toUtf8().constData());
    if (rc == GIT_ENOTFOUND) {
        git_error_clear();
        return std::optional<QString>();
    }
    if (rc < 0)
        return gitError(QStringLiteral("cannot read remote '%1' in %2").arg(remote, d->path));
    return std::optional<QString>(urlForMessages(QString::fromUtf8(git_remote_url(handle.get()))));
}

} // namespace capstan::git
