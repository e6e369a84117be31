#pragma once

// Verifying an ssh server's host key against OpenSSH known_hosts files, the way
// `ssh` does with StrictHostKeyChecking=yes: plain and hashed ("|1|salt|hash")
// host entries, "[host]:port" names for other ports than 22, comma-separated
// pattern lists with * ? and !negation, and @revoked markers. @cert-authority
// lines are skipped (the ssh library cannot verify host certificates).
// No libgit2 here: the checks are pure functions over the files' text.

#include "common/result.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace capstan::git {

// One known_hosts file as read: its path (for messages) and its text.
struct KnownHostsFile
{
    QString path;
    QByteArray text;
};

// What known_hosts says about a server's host key.
struct HostKeyCheck
{
    enum class Status {
        Known, // an entry for the host holds this very key
        Unknown, // no entry for the host holds a key of this type
        Changed, // an entry for the host holds a different key of this type
        Revoked, // a matching @revoked entry holds this key
    };
    Status status = Status::Unknown;
    // The deciding entry: Known, the match; Changed, the entry with the other key;
    // Revoked, the @revoked line. Empty / 0 for Unknown.
    QString file;
    int line = 0;
    // Unknown: the key types that known_hosts does hold for the host (all other
    // than the server's), so a message can say why none matched.
    QStringList otherKeyTypes;
};

// The key type named inside an ssh public key blob ("ssh-ed25519",
// "ecdsa-sha2-nistp256", "ssh-rsa"); empty when the blob is malformed.
QString hostKeyType(const QByteArray &keyBlob);

// The key's fingerprint as OpenSSH prints it: "SHA256:" and the unpadded
// base64 of the SHA-256 of the blob.
QString sha256Fingerprint(const QByteArray &keyBlob);

// The name known_hosts records a server under: "host" for port 22, else "[host]:port".
QString knownHostsName(const QString &host, int port);

// The port an ssh URL connects to: ssh://[user@]host[:port]/path, ssh+git://,
// git+ssh:// and scp-like [user@]host:path (always 22).
int sshPortOfUrl(const QString &url);

// Checks keyBlob (the server's raw host key) for host:port against the files,
// in order. Revoked wins over Known, Known over Changed.
HostKeyCheck checkHostKey(const QList<KnownHostsFile> &files, const QString &host, int port, const QByteArray &keyBlob);

// OpenSSH's default files: ~/.ssh/known_hosts, ~/.ssh/known_hosts2,
// /etc/ssh/ssh_known_hosts, /etc/ssh/ssh_known_hosts2.
QStringList defaultKnownHostsFiles();

// Reads the files that exist; a missing file is simply not there. An existing
// file that cannot be read is an error: trusting less than the person
// configured would turn a known host into an unknown one silently.
Result<QList<KnownHostsFile>> readKnownHostsFiles(const QStringList &paths);

// Reads paths (empty: defaultKnownHostsFiles()) and checks the key: success only
// for Known; otherwise an Error whose message names the host, port, key type and
// fingerprint, and says what to do (accept an unknown host with ssh or
// ssh-keyscan; for a changed key, which file and line holds the old one).
Result<void> verifyHostKey(const QStringList &paths, const QString &host, int port, const QByteArray &keyBlob);

} // namespace capstan::git
