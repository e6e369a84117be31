#include "git/error_p.h"
#include "git/handle_p.h"

namespace capstan::git::detail {

namespace {

// Process-wide libgit2 lifetime: initialised on first use, shut down at exit.
struct Library final
{
    Library() { git_libgit2_init(); }
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
