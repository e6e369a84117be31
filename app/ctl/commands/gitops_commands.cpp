#include "ctl/commands/gitops_commands.h"

#include "ctl/commands/output.h"
#include "ctl/options.h"
#include "reconcile/gitops/images.h"
#include "reconcile/gitops/revert.h"
#include "reconcile/gitops/rollback.h"

namespace capstan::ctl {

void printChange(std::ostream &out, const gitops::CommitResult &result)
{
    out << result.preview.text();
    if (result.commit.isEmpty())
        out << "\nDry run: nothing was committed.\n";
    else
        out << "\nCommitted " << result.commit.left(7) << " on " << result.preview.branch << " (not pushed).\n";
}

// --- app revert ---

QString AppRevertCommand::summary() const
{
    return QStringLiteral("Revert a commit that changed what an application renders (rollback by git revert)");
}

QString AppRevertCommand::usage() const
{
    return QStringLiteral("Usage: capstanctl app revert NAME [COMMIT] [--dry-run]\n\n"
                          "Without COMMIT, lists the commits that changed the application's source path or\n"
                          "anything its render reads (bases, patches), newest first, with bad marks and\n"
                          "earlier reverts flagged. With COMMIT, shows the manifest diff of reverting it, then\n"
                          "commits \"revert: <subject>\" (\"This reverts commit <id>.\"). A conflict is refused\n"
                          "with the files named and the repository left as it was. Nothing is pushed.\n\n"
                          "Options:\n"
                          "  --dry-run        show the preview only\n")
        + WorkspaceOptions::usage();
}

int AppRevertCommand::run(const QStringList &arguments, Streams &io)
{
    QCommandLineParser parser;
    const QCommandLineOption dryRun(QStringLiteral("dry-run"));
    parser.addOption(dryRun);
    m_workspace.addTo(parser);
    const auto positional = parseArguments(parser, arguments, *this, io);
    if (!positional)
        return ExitUsage;
    if (positional->isEmpty() || positional->size() > 2)
        return usageError(*this, io, QStringLiteral("expected NAME and optionally COMMIT"));
    const std::string name = positional->at(0).toStdString();
    AppTarget target = openApp(*this, io, m_workspace, parser, name);
    if (target.exitCode != ExitOk)
        return target.exitCode;
    engine::Workspace &ws = *target.open.workspace;

    if (positional->size() == 1) {
        auto candidates = gitops::revertCandidates(ws, name);
        if (!candidates)
            return fail(*this, io, candidates.error().toString());
        const gitops::RevertCandidate *suggested = gitops::suggestedRevert(*candidates);
        Table table({ QStringLiteral("COMMIT"), QStringLiteral("DATE"), QStringLiteral("AUTHOR"),
            QStringLiteral("SUBJECT"), QStringLiteral("NOTE") });
        for (const gitops::RevertCandidate &c : *candidates) {
            QStringList notes;
            if (&c == suggested)
                notes << QStringLiteral("suggested");
            if (c.badMark)
                notes << QStringLiteral("BAD: ") + qs(c.badMark->reason);
            if (c.reverted)
                notes << QStringLiteral("already reverted");
            if (c.isRevert)
                notes << QStringLiteral("a revert");
            table.addRow({ c.commit.shortId, formatTime(c.commit.author.when), c.commit.author.name, c.commit.summary,
                orDash(notes.join(QStringLiteral("; "))) });
        }
        table.print(io.out);
        if (suggested)
            io.out << "\nTo revert the suggested commit: capstanctl app revert " << name << " "
                   << suggested->commit.shortId << " --dry-run\n";
        return ExitOk;
    }
    gitops::CommitOptions options;
    options.dryRun = parser.isSet(dryRun);
    auto result = gitops::revertCommit(ws, name, positional->at(1), options);
    if (!result)
        return fail(*this, io, result.error().toString());
    printChange(io.out, *result);
    return ExitOk;
}

// --- app rollback ---

QString AppRollbackCommand::summary() const
{
    return QStringLiteral("Sync the manifests of a history entry (the cluster then differs from Git)");
}

QString AppRollbackCommand::usage() const
{
    return QStringLiteral(
               "Usage: capstanctl app rollback NAME ID [--suspend-auto-sync | --rollback-aware] [--note TEXT]\n\n"
               "Applies the manifests recorded in history entry ID (see `capstanctl app history`).\n"
               "Git still wants its own revision, so the application shows OutOfSync until Git is\n"
               "updated with `app revert` or `app set-image`. An application with automated sync is\n"
               "refused unless one of:\n"
               "  --suspend-auto-sync  automated sync leaves the application alone until resumed\n"
               "  --rollback-aware     automated sync stays on but skips the rolled-back revision\n"
               "                       until a newer commit changes the application\n"
               "  --note TEXT          the approval note, where the project requires one\n")
        + WorkspaceOptions::usage();
}

int AppRollbackCommand::run(const QStringList &arguments, Streams &io)
{
    QCommandLineParser parser;
    const QCommandLineOption suspend(QStringLiteral("suspend-auto-sync"));
    const QCommandLineOption aware(QStringLiteral("rollback-aware"));
    const QCommandLineOption note(QStringLiteral("note"), QString(), QStringLiteral("TEXT"));
    parser.addOptions({ suspend, aware, note });
    m_workspace.addTo(parser);
    const auto positional = parseArguments(parser, arguments, *this, io);
    if (!positional)
        return ExitUsage;
    bool isNumber = false;
    const std::int64_t id = positional->size() == 2 ? positional->at(1).toLongLong(&isNumber) : 0;
    if (!isNumber)
        return usageError(*this, io, QStringLiteral("expected NAME and a history ID"));
    if (parser.isSet(suspend) && parser.isSet(aware))
        return usageError(*this, io, QStringLiteral("--suspend-auto-sync and --rollback-aware exclude each other"));
    auto open = openWorkspace(m_workspace, parser);
    if (!open)
        return fail(*this, io, open.error().toString());
    gitops::RollbackOptions options;
    options.policy = parser.isSet(suspend) ? gitops::AutoSyncPolicy::Suspend
        : parser.isSet(aware)              ? gitops::AutoSyncPolicy::RollbackAware
                                           : gitops::AutoSyncPolicy::Refuse;
    options.approvalNote = parser.value(note).toStdString();
    const std::string name = positional->at(0).toStdString();
    auto result = gitops::rollbackToHistory(*open->workspace, name, id, options, open->now);
    if (!result)
        return fail(*this, io, result.error().toString());
    io.out << "Rolled back " << name << " to history entry " << id << ": operation " << result->operationId << " "
           << sync::toString(result->state.phase) << (result->state.message.empty() ? "" : " (")
           << result->state.message << (result->state.message.empty() ? "" : ")") << "\n\n"
           << result->message;
    return result->state.phase == sync::OperationPhase::Succeeded ? ExitOk : ExitFailure;
}

// --- app mark-bad ---

QString AppMarkBadCommand::summary() const
{
    return QStringLiteral("Mark a history entry, revision or image bad so pickers never propose it");
}

QString AppMarkBadCommand::usage() const
{
    return QStringLiteral(
               "Usage: capstanctl app mark-bad NAME (--history ID | --revision REV | --image IMAGE) --reason TEXT\n\n"
               "Options:\n"
               "  --history ID     a history entry of the application\n"
               "  --revision REV   a Git revision (any form Git resolves)\n"
               "  --image IMAGE    every history entry that ran the image (repo:tag, or the tag)\n"
               "  --reason TEXT    why (required)\n")
        + WorkspaceOptions::usage();
}

int AppMarkBadCommand::run(const QStringList &arguments, Streams &io)
{
    QCommandLineParser parser;
    const QCommandLineOption historyOption(QStringLiteral("history"), QString(), QStringLiteral("ID"));
    const QCommandLineOption revision(QStringLiteral("revision"), QString(), QStringLiteral("REV"));
    const QCommandLineOption image(QStringLiteral("image"), QString(), QStringLiteral("IMAGE"));
    const QCommandLineOption reason(QStringLiteral("reason"), QString(), QStringLiteral("TEXT"));
    parser.addOptions({ historyOption, revision, image, reason });
    m_workspace.addTo(parser);
    const auto positional = parseArguments(parser, arguments, *this, io);
    if (!positional)
        return ExitUsage;
    if (positional->size() != 1)
        return usageError(*this, io, QStringLiteral("expected one application NAME"));
    const int targets = int(parser.isSet(historyOption)) + int(parser.isSet(revision)) + int(parser.isSet(image));
    if (targets != 1)
        return usageError(*this, io, QStringLiteral("give one of --history, --revision or --image"));
    if (parser.value(reason).isEmpty())
        return usageError(*this, io, QStringLiteral("--reason is required"));
    const std::string name = positional->at(0).toStdString();
    AppTarget found = openApp(*this, io, m_workspace, parser, name);
    if (found.exitCode != ExitOk)
        return found.exitCode;
    engine::Workspace &ws = *found.open.workspace;
    const std::string why = parser.value(reason).toStdString();
    if (parser.isSet(image)) {
        auto marked = gitops::markImageBad(ws, name, parser.value(image).toStdString(), why);
        if (!marked)
            return fail(*this, io, marked.error().toString());
        io.out << "Marked " << *marked << " history entr" << (*marked == 1 ? "y" : "ies") << " of " << name
               << " that ran " << parser.value(image) << " bad.\n";
        return ExitOk;
    }
    gitops::BadTarget target;
    if (parser.isSet(historyOption)) {
        bool ok = false;
        target.historyId = parser.value(historyOption).toLongLong(&ok);
        if (!ok)
            return usageError(*this, io, QStringLiteral("--history takes a number"));
    } else {
        target.revision = parser.value(revision).toStdString();
    }
    if (auto marked = gitops::markBad(ws, name, target, why); !marked)
        return fail(*this, io, marked.error().toString());
    io.out << "Marked "
           << (target.historyId ? "history entry " + std::to_string(*target.historyId) : "revision " + target.revision)
           << " of " << name << " bad: " << why << "\n";
    return ExitOk;
}

} // namespace capstan::ctl
