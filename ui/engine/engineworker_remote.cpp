// The worker's Git remote: fetch (on every poll), fast-forward and push, all
// on the engine's thread. When the remote cannot be reached, the console keeps
// working from the local clone and says so.

#include "engine/engineworker.h"

#include "git/repository.h"

namespace capstan::ui {

namespace {

QString text(const std::string &s)
{
    return QString::fromStdString(s);
}

// A Repository of its own for remote work: it reads the configuration afresh,
// so a remote added or changed with the git command line is seen at once.
Result<git::Repository> openForRemote(engine::Workspace &workspace)
{
    return git::Repository::open(workspace.reconciler().repository().workdir());
}

} // namespace

void EngineWorker::setGitToken(const QString &token)
{
    m_gitToken = token;
}

void EngineWorker::publishRemoteStatus(const QString &fetchError)
{
    if (!m_workspace)
        return;
    auto opened = openForRemote(*m_workspace);
    if (!opened) {
        Q_EMIT failed(text(opened.error().toString()));
        return;
    }
    git::Repository &repository = *opened;
    RemoteStatus status;
    status.fetchedAt = m_remote.fetchedAt;
    auto url = repository.remoteUrl();
    if (!url || !*url) {
        m_remote = status;
        Q_EMIT remoteStatusReady(status);
        return;
    }
    status.hasRemote = true;
    status.url = **url;
    status.error = fetchError;
    auto branch = repository.headBranch();
    if (branch) {
        status.branch = *branch;
        if (auto relation = repository.aheadBehind(*branch)) {
            status.upstream = relation->upstream;
            status.ahead = relation->ahead;
            status.behind = relation->behind;
            git::LogOptions options;
            options.fromRevision = *branch;
            options.limit = relation->ahead;
            if (relation->ahead > 0)
                if (auto commits = repository.log({}, options))
                    for (const git::CommitInfo &commit : *commits)
                        status.toPush << commit.shortId + QLatin1Char(' ') + commit.summary;
        } else if (status.error.isEmpty()) {
            status.error = text(relation.error().toString());
        }
    }
    m_remote = status;
    Q_EMIT remoteStatusReady(status);
}

void EngineWorker::fetchRemote()
{
    if (!m_workspace)
        return;
    auto opened = openForRemote(*m_workspace);
    if (!opened) {
        Q_EMIT remoteActionFinished(QStringLiteral("fetch"), false, text(opened.error().toString()));
        return;
    }
    git::Repository &repository = *opened;
    auto url = repository.remoteUrl();
    if (!url || !*url) {
        publishRemoteStatus({});
        return;
    }
    git::RemoteOptions options;
    if (!m_gitToken.isEmpty())
        options.credentials = git::defaultCredentialProvider({m_gitToken, {}, true, true, {}});
    Q_EMIT busy(tr("Fetching from %1…").arg(**url));
    auto fetched = repository.fetch(QStringLiteral("origin"), options);
    if (fetched)
        m_remote.fetchedAt = QDateTime::currentDateTimeUtc();
    const QString error = fetched ? QString() : text(fetched.error().toString());
    publishRemoteStatus(error);
    Q_EMIT remoteActionFinished(QStringLiteral("fetch"), fetched.ok(),
                                fetched ? tr("Fetched from %1.").arg(**url) : error);
}

void EngineWorker::pullRemote()
{
    if (!m_workspace)
        return;
    auto opened = openForRemote(*m_workspace);
    if (!opened) {
        Q_EMIT remoteActionFinished(QStringLiteral("pull"), false, text(opened.error().toString()));
        return;
    }
    git::Repository &repository = *opened;
    auto branch = repository.headBranch();
    auto moved = branch ? repository.fastForward(*branch) : Result<int>(branch.error());
    if (!moved) {
        Q_EMIT remoteActionFinished(QStringLiteral("pull"), false, text(moved.error().toString()));
        return;
    }
    publishRemoteStatus(m_remote.error);
    Q_EMIT remoteActionFinished(QStringLiteral("pull"), true,
                                *moved == 0 ? tr("%1 is up to date.").arg(*branch)
                                            : tr("%1 moved forward by %n commit(s).", nullptr, *moved).arg(*branch));
    if (*moved > 0)
        refresh();
}

void EngineWorker::pushRemote()
{
    if (!m_workspace)
        return;
    auto opened = openForRemote(*m_workspace);
    if (!opened) {
        Q_EMIT remoteActionFinished(QStringLiteral("push"), false, text(opened.error().toString()));
        return;
    }
    git::Repository &repository = *opened;
    auto branch = repository.headBranch();
    if (!branch) {
        Q_EMIT remoteActionFinished(QStringLiteral("push"), false, text(branch.error().toString()));
        return;
    }
    git::RemoteOptions options;
    if (!m_gitToken.isEmpty())
        options.credentials = git::defaultCredentialProvider({m_gitToken, {}, true, true, {}});
    Q_EMIT busy(tr("Pushing %1…").arg(*branch));
    auto outcome = repository.push(*branch, QStringLiteral("origin"), options);
    if (!outcome) {
        publishRemoteStatus(m_remote.error);
        Q_EMIT remoteActionFinished(QStringLiteral("push"), false,
                                    tr("Nothing was pushed; your commits are kept on %1.\n%2")
                                        .arg(*branch, text(outcome.error().toString())));
        return;
    }
    QString message;
    bool succeeded = true;
    switch (outcome->kind) {
    case git::PushOutcome::Kind::UpToDate:
        message = tr("The remote already has everything on %1.").arg(*branch);
        break;
    case git::PushOutcome::Kind::Pushed:
        message = tr("Pushed %1 to %2.").arg(*branch, outcome->tip.left(7));
        break;
    case git::PushOutcome::Kind::Replayed:
        message = tr("The remote had moved on: %n commit(s) replayed on its tip and pushed (%1 is now %2).", nullptr,
                     int(outcome->replayed.size()))
                      .arg(*branch, outcome->tip.left(7));
        break;
    case git::PushOutcome::Kind::Conflict:
        succeeded = false;
        message = tr("The remote had moved on and commit %1 does not apply on its tip; nothing was pushed and "
                     "your commits are kept on %2. Conflicting files: %3")
                      .arg(outcome->conflictingCommit.left(7), *branch,
                           outcome->conflictingFiles.join(QStringLiteral(", ")));
        break;
    }
    publishRemoteStatus(m_remote.error);
    Q_EMIT remoteActionFinished(QStringLiteral("push"), succeeded, message);
    if (outcome->kind == git::PushOutcome::Kind::Replayed)
        refresh(); // the branch moved onto the remote's tip
}

} // namespace capstan::ui
