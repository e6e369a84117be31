#pragma once

#include "common/result.h"

#include <QString>

namespace capstan::git::detail {

// An Error saying what was being done plus libgit2's last message for this
// thread. Call it right after the failing libgit2 call: the message is
// thread-local and the next call may clear it.
Error gitError(const QString &what);

// An Error about something libgit2 did not report (a missing path, a conflict).
Error plainError(const QString &message);

} // namespace capstan::git::detail
