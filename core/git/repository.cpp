#include "git/repository.h"

#include "git/convert_p.h"
#include "git/error_p.h"
#include "git/repository_p.h"

#include <QDir>

namespace capstan::git {

using namespace detail;

namespace {

std::shared_ptr<RepositoryData> makeData(RepositoryHandle handle)
{
    auto data = std::make_shared<RepositoryData>();
    const char *workdir = git_repository_workdir(handle.get());
    data->path = QString::fromUtf8(workdir ? workdir : git_repository_path(handle.get()));
    data->repo = std::move(handle);
    return data;
}

} // namespace

Repository::Repository(std::shared_ptr<RepositoryData> data)
    : d(std::move(data))
{
}

Result<Repository> Repository::init(const QString &path, const QString &initialBranch)
{
    ensureLibgit2();
    const QByteArray nativePath = QDir::cleanPath(QDir(path).absolutePath()).toUtf8();
    const QByteArray branch = initialBranch.toUtf8();
    git_repository_init_options options = GIT_REPOSITORY_INIT_OPTIONS_INIT;
    options.flags = GIT_REPOSITORY_INIT_MKPATH;
    options.initial_head = branch.constData();
    RepositoryHandle handle;
    if (git_repository_init_ext(handle.out(), nativePath.constData(), &options) < 0)
        return gitError(QStringLiteral("cannot create a repository at %1").arg(path));
    return Repository(makeData(std::move(handle)));
}

Result<Repository> Repository::open(const QString &path)
{
    ensureLibgit2();
    const QByteArray nativePath = path.toUtf8();
    RepositoryHandle handle;
    if (git_repository_open_ext(handle.out(), nativePath.constData(), 0, nullptr) < 0)
        return gitError(QStringLiteral("cannot open a Git repository at %1").arg(path));
    return Repository(makeData(std::move(handle)));
}

Result<Repository> Repository::clone(const QString &source, const QString &destination)
{
    return clone(source, destination, RemoteOptions {});
}

QString Repository::workdir() const
{
    const char *workdir = git_repository_workdir(d->repo.get());
    return workdir ? QString::fromUtf8(workdir) : QString();
}

QString Repository::gitDir() const
{
    return QString::fromUtf8(git_repository_path(d->repo.get()));
}

bool Repository::isBare() const
{
    return git_repository_is_bare(d->repo.get()) == 1;
}

Result<QString> Repository::headBranch() const
{
    const int detached = git_repository_head_detached(d->repo.get());
    if (detached < 0)
        return gitError(QStringLiteral("cannot read HEAD in %1").arg(d->path));
    if (detached == 1)
        return plainError(QStringLiteral("HEAD is detached in %1: no branch is checked out").arg(d->path));
    ReferenceHandle head;
    if (git_reference_lookup(head.out(), d->repo.get(), "HEAD") < 0)
        return gitError(QStringLiteral("cannot read HEAD in %1").arg(d->path));
    const char *target = git_reference_symbolic_target(head.get());
    if (!target)
        return plainError(QStringLiteral("HEAD in %1 does not name a branch").arg(d->path));
    QString branch = QString::fromUtf8(target);
    branch.remove(0, int(qstrlen("refs/heads/")));
    return branch;
}

Result<bool> Repository::isClean(UntrackedFiles untracked) const
{
    if (isBare())
        return plainError(QStringLiteral("%1 is a bare repository: it has no work tree").arg(d->path));
    git_status_options options = GIT_STATUS_OPTIONS_INIT;
    options.show = GIT_STATUS_SHOW_INDEX_AND_WORKDIR;
    options.flags = GIT_STATUS_OPT_EXCLUDE_SUBMODULES;
    if (untracked == UntrackedFiles::CountAsChanges)
        options.flags |= GIT_STATUS_OPT_INCLUDE_UNTRACKED;
    StatusListHandle list;
    if (git_status_list_new(list.out(), d->repo.get(), &options) < 0)
        return gitError(QStringLiteral("cannot read the status of %1").arg(d->path));
    const size_t count = git_status_list_entrycount(list.get());
    for (size_t i = 0; i < count; ++i) {
        const git_status_entry *entry = git_status_byindex(list.get(), i);
        if (entry->status != GIT_STATUS_CURRENT && !(entry->status & GIT_STATUS_IGNORED))
            return false;
    }
    return true;
}

Result<CommitInfo> Repository::headCommit() const
{
    return resolve(QStringLiteral("HEAD"));
}

} // namespace capstan::git
