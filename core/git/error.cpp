#include "git/error_p.h"
#include "git/handle_p.h"

namespace capstan::git::detail {

namespace {

// Process-wide libgit2 lifetime: initialised on first use, shut down at exit.
struct Library final
{
    Library()
    {
        git_libgit2_init();
        // libgit2 caches no tree larger than 4 KiB by default, so every path
        // lookup under a directory of a few hundred entries (apps/, the
        // Applications of an app-of-apps) inflated and parsed that tree again:
        // quadratic in the size of the workspace. Trees are few; cache them.
        git_libgit2_opts(GIT_OPT_SET_CACHE_OBJECT_LIMIT, GIT_OBJECT_TREE, static_cast<size_t>(16 * 1024 * 1024));
    }
    ~Library() { git_libgit2_shutdown(); }
    Library(const Library &) = delete;
    Library &operator=(const Library &) = delete;
};

} // namespace

void ensureLibgit2()
{
    static Library library;
}

Error gitError(const QString &what)
{
    const git_error *last = git_error_last();
    const QString reason
        = last && last->message ? QString::fromUtf8(last->message).trimmed() : QStringLiteral("unknown libgit2 error");
    return makeError((what + QStringLiteral(": ") + reason).toStdString());
}

Error plainError(const QString &message)
{
    return makeError(message.toStdString());
}

} // namespace capstan::git::detail
