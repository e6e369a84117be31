#pragma once

// Value types for working with Git remotes: clone, fetch, ahead/behind and push
// (Repository's remote operations). No libgit2 here.

#include "git/credentials.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace capstan::git {

// How to reach a remote.
struct RemoteOptions
{
    // Asked when the remote wants credentials; empty: defaultCredentialProvider().
    CredentialProvider credentials;
    // ssh: the OpenSSH known_hosts files a server's host key must be in (see
    // known_hosts.h); empty: defaultKnownHostsFiles(). An unknown, changed or
    // revoked host key refuses the connection before any credential is sent.
    QStringList knownHostsFiles;
};

// How a local branch relates to its upstream, in commits.
struct AheadBehind
{
    int ahead = 0; // on the local branch, not upstream: would be pushed
    int behind = 0; // upstream, not on the local branch: would be pulled
    QString upstream; // the remote-tracking ref compared with, "refs/remotes/origin/main"

    friend bool operator==(const AheadBehind &, const AheadBehind &) = default;
};

// One local commit replayed onto the remote's newer tip.
struct ReplayedCommit
{
    QString oldId;
    QString newId; // empty when the remote already had the same change (the commit was dropped)
};

// What push() did.
struct PushOutcome
{
    enum class Kind {
        UpToDate, // the remote already had the local tip (the local branch may be behind it)
        Pushed, // the remote branch fast-forwarded to the local tip
        Replayed, // the remote had moved: local commits replayed on its tip, then pushed
        Conflict, // the remote had moved and a local commit does not apply: nothing pushed
    };
    Kind kind = Kind::Pushed;
    QString tip; // the remote branch's tip afterwards (Conflict: the remote tip that conflicted)
    QList<ReplayedCommit> replayed; // Replayed: oldest first
    QString conflictingCommit; // Conflict: the local commit that does not apply
    QStringList conflictingFiles; // Conflict
};

} // namespace capstan::git
