// Host key verification against OpenSSH known_hosts files (see sshd(8),
// "SSH_KNOWN_HOSTS FILE FORMAT"): parsing, host matching, the verdict, and the
// message a person reads when a connection is refused.

#include "git/known_hosts.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMessageAuthenticationCode>
#include <QUrl>

#include <optional>

namespace capstan::git {

namespace {

constexpr int defaultSshPort = 22;

// One usable host line of a known_hosts file.
struct Entry
{
    bool revoked = false;
    QByteArray hosts; // the host field: patterns, or one hashed name
    QString type; // as named inside the key blob
    QByteArray blob;
    int line = 0;
};

std::optional<Entry> parseLine(const QByteArray &raw, int lineNumber)
{
    const QByteArray line = raw.simplified();
    if (line.isEmpty() || line.startsWith('#'))
        return std::nullopt;
    QList<QByteArray> fields = line.split(' ');
    Entry entry;
    entry.line = lineNumber;
    if (fields.first().startsWith('@')) {
        // @cert-authority needs certificate support the ssh library lacks; an
        // unknown marker is not ours to guess about. Neither may make a host known.
        if (fields.first() != "@revoked")
            return std::nullopt;
        entry.revoked = true;
        fields.removeFirst();
    }
    if (fields.size() < 3)
        return std::nullopt;
    entry.hosts = fields.at(0);
    auto decoded = QByteArray::fromBase64Encoding(fields.at(2), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    entry.blob = *decoded;
    entry.type = hostKeyType(entry.blob);
    // An old RSA1 line ("bits exponent modulus") or a key whose blob contradicts its type.
    if (entry.type.isEmpty() || entry.type != QString::fromLatin1(fields.at(1)))
        return std::nullopt;
    return entry;
}

// OpenSSH's pattern syntax: '*' is any run of characters, '?' exactly one.
bool globMatches(const QByteArray &pattern, const QByteArray &text)
{
    qsizetype p = 0;
    qsizetype t = 0;
    qsizetype starPattern = -1;
    qsizetype starText = 0;
    while (t < text.size()) {
        if (p < pattern.size() && (pattern.at(p) == '?' || pattern.at(p) == text.at(t))) {
            ++p;
            ++t;
        } else if (p < pattern.size() && pattern.at(p) == '*') {
            starPattern = p++;
            starText = t;
        } else if (starPattern >= 0) {
            p = starPattern + 1;
            t = ++starText;
        } else {
            return false;
        }
    }
    while (p < pattern.size() && pattern.at(p) == '*')
        ++p;
    return p == pattern.size();
}

// name is the lower-case lookup name ("host" or "[host]:port").
bool hostFieldMatches(const QByteArray &field, const QByteArray &name)
{
    if (field.startsWith("|1|")) {
        // Hashed: |1|base64(salt)|base64(HMAC-SHA1(key = salt, message = name)).
        const QList<QByteArray> parts = field.split('|');
        if (parts.size() != 4)
            return false;
        const QByteArray salt = QByteArray::fromBase64(parts.at(2));
        const QByteArray hash = QByteArray::fromBase64(parts.at(3));
        return !hash.isEmpty() && QMessageAuthenticationCode::hash(name, salt, QCryptographicHash::Sha1) == hash;
    }
    bool matched = false;
    for (QByteArray pattern : field.split(',')) {
        const bool negated = pattern.startsWith('!');
        if (negated)
            pattern.remove(0, 1);
        if (!globMatches(pattern.toLower(), name))
            continue;
        if (negated)
            return false; // a negated match excludes the host whatever else matches
        matched = true;
    }
    return matched;
}

// "ssh-ed25519 key SHA256:…"
QString describeKey(const QByteArray &keyBlob)
{
    return QStringLiteral("%1 key %2").arg(hostKeyType(keyBlob), sha256Fingerprint(keyBlob));
}

QString hostAndPort(const QString &host, int port)
{
    return QStringLiteral("%1 port %2").arg(host, QString::number(port));
}

QString unknownMessage(
    const HostKeyCheck &check, const QStringList &paths, const QString &host, int port, const QByteArray &keyBlob)
{
    const QString type = hostKeyType(keyBlob);
    const QString holds = check.otherKeyTypes.isEmpty()
        ? QStringLiteral("no known_hosts file (%1) holds a key for it").arg(paths.join(QStringLiteral(", ")))
        : QStringLiteral("the known_hosts files hold only %1 key(s) for it, none of type %2")
              .arg(check.otherKeyTypes.join(QStringLiteral(", ")), type);
    const QString portOption = port == defaultSshPort ? QString() : QStringLiteral("-p %1 ").arg(port);
    const QString userFile = paths.isEmpty() ? QStringLiteral("~/.ssh/known_hosts") : paths.first();
    const QString keyscan = QStringLiteral("`ssh-keyscan %1-t %2 %3 >> %4`").arg(portOption, type, host, userFile);
    // ssh itself would not add a key of another type for a host it already knows.
    const QString accept = check.otherKeyTypes.isEmpty()
        ? QStringLiteral("accept it by connecting once with `ssh %1%2` and answering yes, or with %3")
              .arg(portOption, host, keyscan)
        : QStringLiteral("add it with %1").arg(keyscan);
    return QStringLiteral("the ssh host key of %1 is not known: the server offered %2, and %3. If that is the "
                          "server's fingerprint (ask its administrators), %4, then try again")
        .arg(hostAndPort(host, port), describeKey(keyBlob), holds, accept);
}

QString changedMessage(const HostKeyCheck &check, const QString &host, int port, const QByteArray &keyBlob)
{
    QString name = knownHostsName(host, port);
    if (port != defaultSshPort)
        name = QLatin1Char('\'') + name + QLatin1Char('\'');
    return QStringLiteral("the ssh host key of %1 has CHANGED: the server offered %2, but %3:%4 holds a different "
                          "%5 key for this host. Someone may be intercepting the connection (man-in-the-middle), "
                          "or the server's key was replaced; refusing to connect. Only if the server's "
                          "administrators confirm the new fingerprint, remove the old key with "
                          "`ssh-keygen -R %6 -f %3` and accept the new one")
        .arg(hostAndPort(host, port), describeKey(keyBlob), check.file, QString::number(check.line),
            hostKeyType(keyBlob), name);
}

} // namespace

QString hostKeyType(const QByteArray &keyBlob)
{
    // The blob starts with the key type as an ssh "string": uint32 length, then bytes.
    if (keyBlob.size() < 4)
        return {};
    const auto *bytes = reinterpret_cast<const uchar *>(keyBlob.constData());
    const quint32 length = (quint32(bytes[0]) << 24) | (quint32(bytes[1]) << 16) | (quint32(bytes[2]) << 8) | bytes[3];
    if (length == 0 || length > 64 || qsizetype(length) > keyBlob.size() - 4)
        return {};
    const QByteArray name = keyBlob.mid(4, qsizetype(length));
    for (const char c : name) {
        if (c <= ' ' || c > '~')
            return {};
    }
    return QString::fromLatin1(name);
}

QString sha256Fingerprint(const QByteArray &keyBlob)
{
    return QStringLiteral("SHA256:")
        + QString::fromLatin1(
            QCryptographicHash::hash(keyBlob, QCryptographicHash::Sha256).toBase64(QByteArray::OmitTrailingEquals));
}

QString knownHostsName(const QString &host, int port)
{
    if (port <= 0 || port == defaultSshPort)
        return host;
    return QStringLiteral("[%1]:%2").arg(host, QString::number(port));
}

int sshPortOfUrl(const QString &url)
{
    if (!url.contains(QLatin1String("://")))
        return defaultSshPort; // scp-like user@host:path has no port
    return QUrl(url).port(defaultSshPort);
}

HostKeyCheck checkHostKey(const QList<KnownHostsFile> &files, const QString &host, int port, const QByteArray &keyBlob)
{
    // ssh looks host names up in lower case; patterns are compared the same way.
    const QByteArray name = knownHostsName(host.toLower(), port).toUtf8();
    const QString type = hostKeyType(keyBlob);
    std::optional<HostKeyCheck> known;
    std::optional<HostKeyCheck> changed;
    QStringList otherTypes;
    for (const KnownHostsFile &file : files) {
        const QList<QByteArray> lines = file.text.split('\n');
        for (int i = 0; i < lines.size(); ++i) {
            const auto entry = parseLine(lines.at(i), i + 1);
            if (!entry || !hostFieldMatches(entry->hosts, name))
                continue;
            if (entry->revoked) {
                if (entry->blob == keyBlob)
                    return { HostKeyCheck::Status::Revoked, file.path, entry->line, {} };
                continue;
            }
            if (entry->blob == keyBlob) {
                if (!known)
                    known = HostKeyCheck { HostKeyCheck::Status::Known, file.path, entry->line, {} };
            } else if (entry->type == type) {
                if (!changed)
                    changed = HostKeyCheck { HostKeyCheck::Status::Changed, file.path, entry->line, {} };
            } else if (!otherTypes.contains(entry->type)) {
                otherTypes.append(entry->type);
            }
        }
    }
    if (known)
        return *known;
    if (changed)
        return *changed;
    return { HostKeyCheck::Status::Unknown, {}, 0, otherTypes };
}

QStringList defaultKnownHostsFiles()
{
    const QDir ssh(QDir::home().filePath(QStringLiteral(".ssh")));
    return { ssh.filePath(QStringLiteral("known_hosts")), ssh.filePath(QStringLiteral("known_hosts2")),
        QStringLiteral("/etc/ssh/ssh_known_hosts"), QStringLiteral("/etc/ssh/ssh_known_hosts2") };
}

Result<QList<KnownHostsFile>> readKnownHostsFiles(const QStringList &paths)
{
    QList<KnownHostsFile> files;
    for (const QString &path : paths) {
        if (!QFileInfo::exists(path))
            continue;
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return makeError(
                QStringLiteral("cannot read the known_hosts file %1: %2").arg(path, file.errorString()).toStdString());
        files.append({ path, file.readAll() });
    }
    return files;
}

Result<void> verifyHostKey(const QStringList &paths, const QString &host, int port, const QByteArray &keyBlob)
{
    if (hostKeyType(keyBlob).isEmpty())
        return makeError(
            QStringLiteral("the ssh server %1 sent no usable host key").arg(hostAndPort(host, port)).toStdString());
    const QStringList searched = paths.isEmpty() ? defaultKnownHostsFiles() : paths;
    auto files = readKnownHostsFiles(searched);
    if (!files)
        return files.error();
    const HostKeyCheck check = checkHostKey(*files, host, port, keyBlob);
    QString message;
    switch (check.status) {
    case HostKeyCheck::Status::Known:
        return {};
    case HostKeyCheck::Status::Unknown:
        message = unknownMessage(check, searched, host, port, keyBlob);
        break;
    case HostKeyCheck::Status::Changed:
        message = changedMessage(check, host, port, keyBlob);
        break;
    case HostKeyCheck::Status::Revoked:
        message = QStringLiteral("the ssh host key of %1 (%2) is revoked by the @revoked entry at %3:%4; refusing "
                                 "to connect")
                      .arg(hostAndPort(host, port), describeKey(keyBlob), check.file, QString::number(check.line));
        break;
    }
    return makeError(message.toStdString());
}

} // namespace capstan::git
