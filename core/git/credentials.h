#pragma once

// Credentials for Git remotes: what a remote may be answered with, who is asked,
// and the rule that each answer is tried at most once per network operation.
// No libgit2 here; remote operations translate these for libgit2's callback.
// Secrets live only in memory: never logged, never written to a file or put
// into an error message.

#include "common/result.h"

#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace capstan::git {

// One way to authenticate.
struct Credential
{
    enum class Kind {
        UserPassword, // https: a password or a token the person gave
        SshAgent, // ssh: the keys loaded in ssh-agent
        SshKeyFile, // ssh: a private key file (and its .pub when present)
    };
    Kind kind = Kind::UserPassword;
    QString username;
    QString password; // UserPassword: the password or token
    QString privateKeyPath; // SshKeyFile
    QString publicKeyPath; // SshKeyFile; empty lets the ssh library derive it
    QString passphrase; // SshKeyFile; empty for an unencrypted key
    QString source; // where it came from, for messages: "the given token", "ssh-agent", a key path
};

// What a remote asked for.
struct CredentialRequest
{
    QString url;
    QString usernameFromUrl; // "git" in ssh://git@host/..., empty when the URL has none
    bool userPasswordAllowed = false;
    bool sshKeyAllowed = false; // ssh-agent and key files
    bool usernameOnly = false; // ssh asks for the user name first when the URL has none
};

// Answers a request with the credentials to try, best first. Asked once per
// network operation; an empty list means "nothing to offer".
using CredentialProvider = std::function<QList<Credential>(const CredentialRequest &request)>;

// What the default provider may use.
struct DefaultCredentialOptions
{
    // A token (or password) the person gave for https remotes. When set, it is
    // used instead of Git's credential helpers.
    QString token;
    QString tokenUsername; // empty: the URL's user name, else "x-access-token"
    bool useGitCredentialHelpers = true;
    bool useSshAgent = true;
    QString sshDirectory; // empty: ~/.ssh
};

// https/http: the given token, else Git's credential helpers (`git credential fill`).
// ssh: ssh-agent, then ~/.ssh/id_ed25519, id_ecdsa and id_rsa that exist.
CredentialProvider defaultCredentialProvider(const DefaultCredentialOptions &options = {});

// Asks Git's configured credential helpers for url, the way `git fetch` would,
// without ever prompting: std::nullopt when none answers with a password.
std::optional<Credential> credentialFromGitHelpers(const QString &url, const QString &username = {});

// url for messages: a password embedded in it ("https://user:secret@host/") removed.
QString urlForMessages(const QString &url);

// Hands out each credential a provider offers at most once for one network
// operation, so a rejected credential is never retried in a loop (libgit2 asks
// again after every failure).
class CredentialAttempts final
{
public:
    explicit CredentialAttempts(CredentialProvider provider);

    // The next untried credential that request allows, or an Error that starts
    // with "authentication failed for <url>" once there is none left and names
    // the sources of those tried.
    Result<Credential> next(const CredentialRequest &request);
    // The user name for a usernameOnly request: the URL's, a provider's ssh one, or "git".
    Result<QString> username(const CredentialRequest &request);
    // How many credentials were handed out so far.
    int attempts() const { return int(m_tried.size()); }

private:
    const QList<Credential> &candidates(const CredentialRequest &request);

    CredentialProvider m_provider;
    std::optional<QList<Credential>> m_candidates;
    int m_next = 0;
    QList<Credential> m_tried; // handed out so far, for the failure message
    int m_usernameAnswers = 0;
};

} // namespace capstan::git
