#include "git/convert_p.h"
#include "git/error_p.h"

#include <QTimeZone>

namespace capstan::git::detail {

QString toHex(const git_oid *oid)
{
    char hex[GIT_OID_HEXSZ + 1] = {};
    git_oid_tostr(hex, sizeof hex, oid);
    return QString::fromLatin1(hex);
}

Signature toSignature(const git_signature *signature)
{
    if (!signature)
        return {};
    const QTimeZone zone(signature->when.offset * 60);
    return Signature { QString::fromUtf8(signature->name), QString::fromUtf8(signature->email),
        QDateTime::fromSecsSinceEpoch(signature->when.time, zone) };
}

CommitInfo toCommitInfo(git_commit *commit)
{
    CommitInfo info;
    info.id = toHex(git_commit_id(commit));
    Buffer shortId;
    if (git_object_short_id(&shortId.buf, reinterpret_cast<git_object *>(commit)) == 0)
        info.shortId = QString::fromLatin1(shortId.buf.ptr, int(shortId.buf.size));
    else
        info.shortId = info.id.left(7);
    info.author = toSignature(git_commit_author(commit));
    info.committer = toSignature(git_commit_committer(commit));
    info.summary = QString::fromUtf8(git_commit_summary(commit));
    info.message = QString::fromUtf8(git_commit_message(commit));
    return info;
}

Result<SignatureHandle> makeSignature(git_repository *repo, const std::optional<Signature> &given)
{
    SignatureHandle signature;
    if (!given) {
        if (git_signature_default(signature.out(), repo) < 0)
            return gitError(QStringLiteral("no identity to commit with: set user.name and user.email in the "
                                           "repository's Git configuration, or give an author"));
        return signature;
    }
    const QByteArray name = given->name.toUtf8();
    const QByteArray email = given->email.toUtf8();
    const int rc = given->when.isValid() ? git_signature_new(signature.out(), name.constData(), email.constData(),
                       given->when.toSecsSinceEpoch(), given->when.offsetFromUtc() / 60)
                                         : git_signature_now(signature.out(), name.constData(), email.constData());
    if (rc < 0)
        return gitError(QStringLiteral("invalid identity '%1 <%2>'").arg(given->name, given->email));
    return signature;
}

QStringList conflictingPaths(git_index *index)
{
    QStringList paths;
    ConflictIteratorHandle iterator;
    if (git_index_conflict_iterator_new(iterator.out(), index) < 0)
        return paths;
    const git_index_entry *ancestor = nullptr;
    const git_index_entry *ours = nullptr;
    const git_index_entry *theirs = nullptr;
    while (git_index_conflict_next(&ancestor, &ours, &theirs, iterator.get()) == 0) {
        const git_index_entry *any = ours ? ours : theirs ? theirs : ancestor;
        paths.append(QString::fromUtf8(any->path));
    }
    git_error_clear();
    paths.removeDuplicates();
    return paths;
}

QString normalizedPath(const QString &path)
{
    QString result = path;
    while (result.startsWith(QLatin1String("./")))
        result.remove(0, 2);
    while (result.startsWith(QLatin1Char('/')))
        result.remove(0, 1);
    while (result.endsWith(QLatin1Char('/')))
        result.chop(1);
    if (result == QLatin1String("."))
        result.clear();
    return result;
}

} // namespace capstan::git::detail
