// Line-by-line authorship: Repository::blame.

#include "git/convert_p.h"
#include "git/error_p.h"
#include "git/repository.h"
#include "git/repository_p.h"

namespace capstan::git {

using namespace detail;

Result<QList<BlameLine>> Repository::blame(const QString &revision, const QString &path) const
{
    auto tree = snapshot(revision);
    if (!tree)
        return tree.error();
    auto content = tree->readFile(path);
    if (!content)
        return content.error();

    const QString normalized = normalizedPath(path);
    const QByteArray nativePath = normalized.toUtf8();
    git_blame_options options = GIT_BLAME_OPTIONS_INIT;
    if (git_oid_fromstr(&options.newest_commit, tree->commit().id.toLatin1().constData()) < 0)
        return gitError(QStringLiteral("cannot blame '%1' at '%2'").arg(normalized, revision));
    BlameHandle blame;
    if (git_blame_file(blame.out(), d->repo.get(), nativePath.constData(), &options) < 0)
        return gitError(QStringLiteral("cannot blame '%1' at '%2' in %3").arg(normalized, revision, d->path));

    QList<QByteArray> lines = content->split('\n');
    if (content->endsWith('\n'))
        lines.removeLast();
    QList<BlameLine> result;
    result.reserve(lines.size());
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const git_blame_hunk *hunk = git_blame_get_hunk_byline(blame.get(), size_t(i + 1));
        if (!hunk)
            return plainError(QStringLiteral("cannot blame line %1 of '%2' at '%3' in %4")
                                  .arg(i + 1)
                                  .arg(normalized, revision, d->path));
        QByteArray text = lines[i];
        if (text.endsWith('\r'))
            text.chop(1);
        result.append(BlameLine {
            int(i + 1), toHex(&hunk->final_commit_id), toSignature(hunk->final_signature), QString::fromUtf8(text) });
    }
    return result;
}

} // namespace capstan::git
