#pragma once

// Conversions between libgit2's C structs and core/git's value types.

#include "common/result.h"
#include "git/handle_p.h"
#include "git/types.h"

#include <QStringList>

#include <optional>

namespace capstan::git::detail {

QString toHex(const git_oid *oid);
Signature toSignature(const git_signature *signature);
CommitInfo toCommitInfo(git_commit *commit);

// A libgit2 signature for writing: the given one, else user.name/user.email from
// the repository's configuration (an error saying how to set them when absent).
Result<SignatureHandle> makeSignature(git_repository *repo, const std::optional<Signature> &given);

// The paths with conflicts in an in-memory merge result, for messages.
QStringList conflictingPaths(git_index *index);

// A repository-relative path as Git stores it: '/'-separated, no leading "./"
// or '/', no trailing '/'. "" and "." mean the root.
QString normalizedPath(const QString &path);

} // namespace capstan::git::detail
