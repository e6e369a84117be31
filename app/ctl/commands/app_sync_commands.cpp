#include "ctl/commands/app_sync_commands.h"

#include "ctl/commands/app_json.h"
#include "ctl/options.h"
#include "reconcile/engine/sync_controller.h"

namespace capstan::ctl {

namespace {

QString healthOf(const engine::AppState *app, const sync::ResourceResult &r)
{
    if (!app)
        return QStringLiteral("-");
    for (const engine::ResourceState &state : app->resources)
        if (state.id.sameObject({ r.group, r.version, r.kind, r.ns, r.name }))
            return healthText(state.health);
    return QStringLiteral("-");
}

// The operation as `argocd app sync` reports it: a summary, then a row per resource.
void printOperation(
    std::ostream &out, const engine::AppOperation &op, const sync::OperationState &state, const engine::AppState *app)
{
    const QString kind = state.dryRun ? QStringLiteral("Dry run of sync") : QStringLiteral("Sync");
    printField(out, QStringLiteral("Operation"), QStringLiteral("%1 (id %2)").arg(kind).arg(op.recordId()));
    printField(out, QStringLiteral("Application"), qs(op.app()));
    printField(out, QStringLiteral("Sync Revision"), qs(state.revision));
    printField(out, QStringLiteral("Phase"), QString::fromLatin1(sync::toString(state.phase)));
    printField(out, QStringLiteral("Message"), qs(state.message));
    if (state.retryCount > 0)
        printField(out, QStringLiteral("Retries"), QString::number(state.retryCount));
    if (state.resources.empty())
        return;
    Table table({ QStringLiteral("GROUP"), QStringLiteral("KIND"), QStringLiteral("NAMESPACE"), QStringLiteral("NAME"),
        QStringLiteral("STATUS"), QStringLiteral("HEALTH"), QStringLiteral("HOOK"), QStringLiteral("MESSAGE") });
    for (const sync::ResourceResult &r : state.resources)
        table.addRow({ qs(r.group), qs(r.kind), qs(r.ns), qs(r.name),
            r.status ? QString::fromLatin1(sync::toString(*r.status)) : QStringLiteral("-"), healthOf(app, r),
            r.hookType ? QString::fromLatin1(sync::toString(*r.hookType)) : QString(), qs(r.message) });
    out << '\n';
    table.print(out);
}

std::vector<std::string> toStd(const QStringList &list)
{
    std::vector<std::string> out;
    for (const QString &s : list)
        out.push_back(s.toStdString());
    return out;
}

} // namespace

QString AppSyncCommand::summary() const
{
    return QStringLiteral("Sync an application to what Git wants");
}

QString AppSyncCommand::usage() const
{
    return QStringLiteral("Usage: capstanctl app sync NAME [--dry-run] [--prune] [--resource GROUP:KIND:NAME]...\n"
                          "                            [--revision REV] [--note TEXT] [--approver NAME]... [--async]\n"
                          "                            [workspace options]\n\n"
                          "Applies what Git wants to the cluster in phases and waves, records it in the\n"
                          "application's history and prints each resource's result. A project that asks for\n"
                          "approval (prod in the demo) needs --note and enough --approver names; a sync window\n"
                          "or an error condition refuses the sync. Exit status 0 when the operation Succeeded.\n\n"
                          "Options:\n"
                          "  --dry-run              check every object with the cluster, change nothing\n"
                          "  --prune                delete live resources Git no longer has\n"
                          "  --resource G:K:NAME    sync only this resource (GROUP may be empty: :Service:web);\n"
                          "                         also G:K:NS/NAME; repeatable\n"
                          "  --revision REV         sync what Git had at REV instead of the targetRevision\n"
                          "  --note TEXT            the approval note (a change ticket, a reason)\n"
                          "  --approver NAME        a person who approved; repeatable\n"
                          "  --async                start the operation and return; it stays recorded as running\n"
                          "                         until finished elsewhere or ended with app terminate-op\n")
        + WorkspaceOptions::usage();
}

int AppSyncCommand::run(const QStringList &arguments, Streams &io)
{
    QCommandLineParser parser;
    m_workspace.addTo(parser);
    const QCommandLineOption dryRun(QStringLiteral("dry-run"));
    const QCommandLineOption prune(QStringLiteral("prune"));
    const QCommandLineOption resource(QStringLiteral("resource"), QString(), QStringLiteral("GROUP:KIND:NAME"));
    const QCommandLineOption revision(QStringLiteral("revision"), QString(), QStringLiteral("REV"));
    const QCommandLineOption note(QStringLiteral("note"), QString(), QStringLiteral("TEXT"));
    const QCommandLineOption approver(QStringLiteral("approver"), QString(), QStringLiteral("NAME"));
    const QCommandLineOption async(QStringLiteral("async"));
    parser.addOptions({ dryRun, prune, resource, revision, note, approver, async });
    const auto positional = parseArguments(parser, arguments, *this, io);
    if (!positional)
        return ExitUsage;
    if (positional->size() != 1)
        return usageError(*this, io, QStringLiteral("expected one application name"));

    engine::SyncCommand command;
    command.app = positional->first().toStdString();
    command.request.dryRun = parser.isSet(dryRun);
    command.request.prune = parser.isSet(prune);
    for (const QString &text : parser.values(resource)) {
        auto selector = sync::ResourceSelector::parse(text.toStdString());
        if (!selector)
            return usageError(*this, io, QStringLiteral("--resource: %1").arg(qs(selector.error().toString())));
        command.request.resources.push_back(*selector);
    }
    command.revision = parser.value(revision);
    command.approvalNote = parser.value(note).toStdString();
    command.approvers = toStd(parser.values(approver));
    command.initiatedBy = engine::currentUser();

    AppTarget target = openApp(*this, io, m_workspace, parser, command.app);
    if (target.exitCode != ExitOk)
        return target.exitCode;
    OpenWorkspace &ws = target.open;
    auto op = engine::startSync(*ws.workspace, command, ws.now);
    if (!op)
        return fail(*this, io, op.error().toString());

    if (parser.isSet(async)) {
        (*op)->step();
        io.out << "Operation " << (*op)->recordId() << " started for " << command.app << " (phase "
               << sync::toString((*op)->state().phase) << ")\n";
        return ExitOk;
    }
    const sync::OperationState state = (*op)->run();
    const engine::AppState *after = nullptr;
    if (ws.refresh())
        after = ws.snapshot->app(command.app);
    printOperation(io.out, **op, state, after);
    if (state.phase != sync::OperationPhase::Succeeded) {
        io.err << "capstanctl app sync: " << command.app << ": operation " << sync::toString(state.phase) << ": "
               << state.message << '\n';
        return ExitFailure;
    }
    return ExitOk;
}

QString AppWaitCommand::summary() const
{
    return QStringLiteral("Wait until an application is synced and healthy");
}

QString AppWaitCommand::usage() const
{
    return QStringLiteral(
               "Usage: capstanctl app wait NAME [--health] [--sync] [--timeout SECONDS] [workspace options]\n\n"
               "Lets the sandbox's simulated time pass (real time on a --context cluster) until the\n"
               "application is Healthy (--health), Synced (--sync) or both (neither option given).\n"
               "Exit status 1 on timeout, with the state it was in.\n\n"
               "Options:\n"
               "  --health           wait for health Healthy\n"
               "  --sync             wait for sync status Synced\n"
               "  --timeout SECONDS  give up after this much (sandbox: simulated) time (default 300)\n")
        + WorkspaceOptions::usage();
}

int AppWaitCommand::run(const QStringList &arguments, Streams &io)
{
    QCommandLineParser parser;
    m_workspace.addTo(parser);
    const QCommandLineOption health(QStringLiteral("health"));
    const QCommandLineOption syncOption(QStringLiteral("sync"));
    const QCommandLineOption timeout(QStringLiteral("timeout"), QString(), QStringLiteral("SECONDS"));
    parser.addOptions({ health, syncOption, timeout });
    const auto positional = parseArguments(parser, arguments, *this, io);
    if (!positional)
        return ExitUsage;
    if (positional->size() != 1)
        return usageError(*this, io, QStringLiteral("expected one application name"));
    bool ok = true;
    const int limit = parser.isSet(timeout) ? parser.value(timeout).toInt(&ok) : 300;
    if (!ok || limit < 0)
        return usageError(*this, io, QStringLiteral("--timeout: expected a number of seconds"));
    const bool both = !parser.isSet(health) && !parser.isSet(syncOption);
    const bool wantHealth = both || parser.isSet(health);
    const bool wantSync = both || parser.isSet(syncOption);

    const std::string name = positional->first().toStdString();
    AppTarget target = openApp(*this, io, m_workspace, parser, name);
    if (target.exitCode != ExitOk)
        return target.exitCode;
    OpenWorkspace &ws = target.open;
    const QDateTime start = ws.now;
    constexpr int kStep = 5;
    for (int waited = 0;; waited += kStep) {
        // Looked up again after every refresh: the snapshot is new.
        auto app = ws.app(name);
        if (!app)
            return fail(*this, io, app.error().toString());
        const bool healthy = (*app)->health == health::HealthStatus::Healthy;
        const bool synced = (*app)->sync == compare::SyncStatus::Synced;
        const QString state = QStringLiteral("sync %1, health %2")
                                  .arg(QString::fromLatin1(compare::toString((*app)->sync)), healthText(**app));
        if ((!wantHealth || healthy) && (!wantSync || synced)) {
            io.out << name << ": " << state << " (after " << waited << "s)\n";
            return ExitOk;
        }
        if (waited >= limit)
            return fail(*this, io, name + ": timed out after " + std::to_string(limit) + "s: " + state.toStdString());
        ws.workspace->letTimePass(std::chrono::seconds(kStep));
        ws.now = start.addSecs(waited + kStep);
        if (auto refreshed = ws.refresh(); !refreshed)
            return fail(*this, io, refreshed.error().toString());
    }
}

QString AppTerminateOpCommand::summary() const
{
    return QStringLiteral("End an application's running or interrupted operation");
}

QString AppTerminateOpCommand::usage() const
{
    return QStringLiteral("Usage: capstanctl app terminate-op NAME [workspace options]\n\n"
                          "Marks the application's unfinished operation (started with --async, or cut short\n"
                          "by a crash) as interrupted, so that the application can be synced again.\n"
                          "Exit status 1 when there is none.\n\n")
        + WorkspaceOptions::usage();
}

int AppTerminateOpCommand::run(const QStringList &arguments, Streams &io)
{
    QCommandLineParser parser;
    m_workspace.addTo(parser);
    const auto positional = parseArguments(parser, arguments, *this, io);
    if (!positional)
        return ExitUsage;
    AppTarget target = openApp(*this, io, m_workspace, parser, *positional);
    if (target.exitCode != ExitOk)
        return target.exitCode;
    const std::string &name = target.name;
    OpenWorkspace &ws = target.open;
    auto unfinished = ws.workspace->history().unfinishedOperations();
    if (!unfinished)
        return fail(*this, io, unfinished.error().toString());
    int ended = 0;
    for (const history::Operation &op : *unfinished) {
        if (op.app != name)
            continue;
        const std::string message = "terminated by " + engine::currentUser() + " with capstanctl app terminate-op";
        if (auto marked = ws.workspace->history().markInterrupted(op.id, message, ws.now); !marked)
            return fail(*this, io, name + ": " + marked.error().toString());
        io.out << "Operation " << op.id << " (" << history::toString(op.kind) << " of " << shortRevision(op.revision)
               << ", started " << formatTime(op.startedAt) << " by " << op.initiatedBy << ") marked Interrupted\n";
        ++ended;
    }
    if (ended == 0)
        return fail(*this, io, name + ": no operation is running");
    return ExitOk;
}

} // namespace capstan::ctl
