// The argocd commands that act: each asks Argo CD's controller for an operation by setting
// the Application's `operation`, after Capstan's approval gate.

#include "ctl/commands/argocd_commands.h"

#include "ctl/commands/workspace_options.h"
#include "ctl/options.h"
#include "reconcile/engine/workspace.h"
#include "reconcile/sync/plan.h"

#include <algorithm>
#include <set>

namespace capstan::ctl {

namespace {

std::vector<std::string> toStd(const QStringList &list)
{
    std::vector<std::string> out;
    for (const QString &s : list)
        out.push_back(s.toStdString());
    return out;
}

// The approval a project asks of a person before a manual, non-dry-run sync or rollback
// (the sandbox engine's rule): a note, and that many different approvers. Automated
// applications change without a person anyway, so the gate is not theirs.
std::optional<std::string> missingApproval(
    const engine::AppState &app, const argocd::Approval &approval, bool dryRun, const char *action)
{
    const engine::ApprovalCheck check = engine::checkApproval(app, approval.note, approval.approvers, dryRun);
    const auto missing = engine::missingApproval(check);
    if (!missing)
        return std::nullopt;
    return std::string(action) + " of '" + app.name + "' refused: project '" + app.project + "' requires " + *missing
        + (check.needsNote ? " (--note)" : " (--approver)");
}

// The note and approvers options of sync and rollback.
struct ApprovalOptions
{
    QCommandLineOption note { QStringLiteral("note"), QString(), QStringLiteral("TEXT") };
    QCommandLineOption approver { QStringLiteral("approver"), QString(), QStringLiteral("NAME") };

    argocd::Approval read(const QCommandLineParser &parser) const
    {
        return { parser.value(note).toStdString(), toStd(parser.values(approver)) };
    }
};

const char *const approvalUsage
    = "  --note TEXT            the approval note (a change ticket, a reason), kept in the\n"
      "                         operation's info\n"
      "  --approver NAME        a person who approved; repeatable\n";

// What to print once Argo CD has the operation: the controller, not capstanctl, runs it.
int requested(Streams &io, const ArgoCdApp &target, const QString &what)
{
    io.out << what << " of " << target.name << " requested from Argo CD.\n"
           << "Argo CD's application controller runs it; watch it with:\n"
           << "  capstanctl argocd app get " << target.name;
    if (!target.connection.followUpOptions.isEmpty())
        io.out << ' ' << target.connection.followUpOptions;
    io.out << '\n';
    return ExitOk;
}

// Runs an action on the Application; the engine's refusal or the cluster's error is
// printed as it words them, naming the Application.
template<typename Act>
int act(const Command &command, Streams &io, const ArgoCdApp &target, const QString &what, Act action)
{
    const argocd::ActionResult result = action(*target.connection.engine);
    if (!result)
        return fail(command, io, result.error().toString());
    return requested(io, target, what);
}

// Opens the Application, passes Capstan's approval gate, then runs the action on it.
template<typename Act>
int actApproved(const Command &command, Streams &io, const ArgoCdOptions &options, const QCommandLineParser &parser,
    const QString &name, const argocd::Approval &approval, bool dryRun, const char *action, const QString &what,
    Act run)
{
    auto target = openArgoCdApp(options, parser, name.toStdString());
    if (!target)
        return fail(command, io, target.error().toString());
    printSnapshotWarnings(io.err, target->snapshot);
    if (auto missing = missingApproval(target->state(), approval, dryRun, action))
        return fail(command, io, *missing);
    return act(command, io, *target, what, [&](argocd::ArgoCdEngine &argoCd) { return run(argoCd, target->name); });
}

} // namespace

QString ArgoCdAppSyncCommand::summary() const
{
    return QStringLiteral("Ask Argo CD to sync an Application");
}

QString ArgoCdAppSyncCommand::usage() const
{
    return QStringLiteral("Usage: capstanctl argocd app sync NAME [--prune] [--dry-run] [--revision REV]\n"
                          "                                   [--resource GROUP:KIND:[NS/]NAME]... [--note TEXT]\n"
                          "                                   [--approver NAME]... [cluster options]\n\n"
                          "Sets the Application's operation, as `argocd app sync` does, so that Argo CD's\n"
                          "controller syncs it under Argo CD's rules (RBAC, sync windows). A project that asks\n"
                          "for approval needs --note and enough --approver names for a sync that is not a dry\n"
                          "run. Exit status 0 once Argo CD has the operation; follow it with argocd app get.\n\n"
                          "Options:\n"
                          "  --prune                delete live resources Git no longer has\n"
                          "  --dry-run              let Argo CD check the sync without changing anything\n"
                          "  --revision REV         sync this revision instead of the targetRevision\n"
                          "  --resource G:K:NAME    sync only this resource (GROUP may be empty: :Service:web);\n"
                          "                         also G:K:NS/NAME; repeatable\n")
        + QString::fromLatin1(approvalUsage) + ArgoCdOptions::usage();
}

int ArgoCdAppSyncCommand::run(const QStringList &arguments, Streams &io)
{
    QCommandLineParser parser;
    m_argocd.addTo(parser);
    const QCommandLineOption prune(QStringLiteral("prune"));
    const QCommandLineOption dryRun(QStringLiteral("dry-run"));
    const QCommandLineOption revision(QStringLiteral("revision"), QString(), QStringLiteral("REV"));
    const QCommandLineOption resource(QStringLiteral("resource"), QString(), QStringLiteral("GROUP:KIND:NAME"));
    const ApprovalOptions approval;
    parser.addOptions({ prune, dryRun, revision, resource, approval.note, approval.approver });
    const auto positional = parseArguments(parser, arguments, *this, io);
    if (!positional)
        return ExitUsage;
    if (positional->size() != 1)
        return usageError(*this, io, QStringLiteral("expected one application name"));

    argocd::SyncRequest request;
    request.prune = parser.isSet(prune);
    request.dryRun = parser.isSet(dryRun);
    request.revision = parser.value(revision).toStdString();
    for (const QString &text : parser.values(resource)) {
        auto selector = sync::ResourceSelector::parse(text.toStdString());
        if (!selector)
            return usageError(*this, io, QStringLiteral("--resource: %1").arg(qs(selector.error().toString())));
        request.resources.push_back({ selector->group, selector->kind, selector->ns, selector->name });
    }
    request.username = engine::currentUser();
    request.approval = approval.read(parser);

    const QString what = request.dryRun ? QStringLiteral("Dry run of a sync") : QStringLiteral("Sync");
    return actApproved(*this, io, m_argocd, parser, positional->first(), request.approval, request.dryRun, "sync",
        what, [&](argocd::ArgoCdEngine &argoCd, const std::string &name) { return argoCd.sync(name, request); });
}

QString ArgoCdAppRollbackCommand::summary() const
{
    return QStringLiteral("Ask Argo CD to roll an Application back to a history entry");
}

QString ArgoCdAppRollbackCommand::usage() const
{
    return QStringLiteral("Usage: capstanctl argocd app rollback NAME ID [--prune] [--dry-run] [--note TEXT]\n"
                          "                                       [--approver NAME]... [cluster options]\n\n"
                          "Asks Argo CD to deploy again what history entry ID deployed (see argocd app\n"
                          "history), as `argocd app rollback` does. Argo CD refuses it while automated sync is\n"
                          "on. A project that asks for approval needs --note and enough --approver names.\n\n"
                          "Options:\n"
                          "  --prune                delete live resources the entry did not have\n"
                          "  --dry-run              let Argo CD check the rollback without changing anything\n")
        + QString::fromLatin1(approvalUsage) + ArgoCdOptions::usage();
}

int ArgoCdAppRollbackCommand::run(const QStringList &arguments, Streams &io)
{
    QCommandLineParser parser;
    m_argocd.addTo(parser);
    const QCommandLineOption prune(QStringLiteral("prune"));
    const QCommandLineOption dryRun(QStringLiteral("dry-run"));
    const ApprovalOptions approval;
    parser.addOptions({ prune, dryRun, approval.note, approval.approver });
    const auto positional = parseArguments(parser, arguments, *this, io);
    if (!positional)
        return ExitUsage;
    if (positional->size() != 2)
        return usageError(*this, io, QStringLiteral("expected an application name and a history ID"));
    bool ok = false;
    argocd::RollbackRequest request;
    request.historyId = positional->at(1).toLongLong(&ok);
    if (!ok || request.historyId < 0)
        return usageError(*this, io, QStringLiteral("'%1' is not a history ID").arg(positional->at(1)));
    request.prune = parser.isSet(prune);
    request.dryRun = parser.isSet(dryRun);
    request.username = engine::currentUser();
    request.approval = approval.read(parser);

    const QString what = QStringLiteral("%1 to history entry %2")
                             .arg(request.dryRun ? QStringLiteral("Dry run of a rollback") : QStringLiteral("Rollback"))
                             .arg(request.historyId);
    return actApproved(*this, io, m_argocd, parser, positional->first(), request.approval, request.dryRun, "rollback",
        what, [&](argocd::ArgoCdEngine &argoCd, const std::string &name) { return argoCd.rollback(name, request); });
}

QString ArgoCdAppTerminateOpCommand::summary() const
{
    return QStringLiteral("Ask Argo CD to terminate an Application's running operation");
}

QString ArgoCdAppTerminateOpCommand::usage() const
{
    return QStringLiteral("Usage: capstanctl argocd app terminate-op NAME [cluster options]\n\n"
                          "Marks the running operation Terminating, as `argocd app terminate-op` does; Argo CD's\n"
                          "controller stops it. Exit status 1 when no operation is in progress.\n\n")
        + ArgoCdOptions::usage();
}

int ArgoCdAppTerminateOpCommand::run(const QStringList &arguments, Streams &io)
{
    QCommandLineParser parser;
    m_argocd.addTo(parser);
    const auto positional = parseArguments(parser, arguments, *this, io);
    if (!positional)
        return ExitUsage;
    if (positional->size() != 1)
        return usageError(*this, io, QStringLiteral("expected one application name"));
    auto target = openArgoCdApp(m_argocd, parser, positional->first().toStdString());
    if (!target)
        return fail(*this, io, target.error().toString());
    return act(*this, io, *target, QStringLiteral("Termination of the running operation"),
        [&](argocd::ArgoCdEngine &argoCd) { return argoCd.terminate(target->name); });
}

} // namespace capstan::ctl
