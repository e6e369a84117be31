#include "ctl/commands/argocd_commands.h"

#include "ctl/commands/app_json.h"
#include "ctl/commands/workspace_options.h"
#include "ctl/options.h"

#include <QJsonArray>

namespace capstan::ctl {

namespace {

// Parses the command line of a reading command; nullopt after printing a usage error.
std::optional<QStringList> parse(QCommandLineParser &parser, const QStringList &arguments, const Command &command,
    const ArgoCdOptions &argocd, const OutputOption &output, Streams &io, OutputFormat &format)
{
    argocd.addTo(parser);
    output.addTo(parser);
    auto positional = parseArguments(parser, arguments, command, io);
    if (!positional)
        return std::nullopt;
    QString error;
    const auto chosen = output.format(parser, error);
    if (!chosen) {
        usageError(command, io, error);
        return std::nullopt;
    }
    format = *chosen;
    return positional;
}

// `COMMAND NAME [options]`: parses the arguments and opens the named Application;
// nullopt with exitCode set (usage error, or why it cannot be opened) otherwise.
std::optional<ArgoCdApp> openNamedApp(const QStringList &arguments, const Command &command,
    const ArgoCdOptions &argocd, const OutputOption &output, Streams &io, OutputFormat &format, int &exitCode)
{
    QCommandLineParser parser;
    const auto positional = parse(parser, arguments, command, argocd, output, io, format);
    exitCode = ExitUsage;
    if (!positional)
        return std::nullopt;
    if (positional->size() != 1) {
        usageError(command, io, QStringLiteral("expected one application name"));
        return std::nullopt;
    }
    auto target = openArgoCdApp(argocd, parser, positional->first().toStdString());
    if (!target) {
        exitCode = fail(command, io, target.error().toString());
        return std::nullopt;
    }
    exitCode = ExitOk;
    return std::move(*target);
}

QString destinationText(const engine::AppState &app)
{
    return QStringLiteral("%1/%2").arg(orDash(qs(app.destinationServer)), orDash(qs(app.destinationNamespace)));
}

// What the Application's operation is doing: the phase of the running or last one, or
// Requested while the controller has yet to pick up the one Capstan (or anyone) set.
QString operationText(const argocd::ApplicationOperations &ops)
{
    if (ops.operation && history::isUnfinished(ops.operation->phase))
        return QString::fromLatin1(history::toString(ops.operation->phase));
    if (ops.operationRequested)
        return QStringLiteral("Requested");
    return ops.operation ? QString::fromLatin1(history::toString(ops.operation->phase)) : QStringLiteral("-");
}

QJsonObject toJson(const engine::AppState &app, const argocd::ApplicationOperations &ops)
{
    QJsonObject json = ctl::toJson(app);
    json.insert(QStringLiteral("operationRequested"), ops.operationRequested);
    if (ops.operation)
        json.insert(QStringLiteral("operation"), ctl::toJson(history::HistoryEntry { *ops.operation, std::nullopt }));
    return json;
}

void printSummary(std::ostream &out, const engine::AppState &app)
{
    printField(out, QStringLiteral("Name"), qs(app.name));
    printField(out, QStringLiteral("Project"), qs(app.project));
    printField(out, QStringLiteral("Application"), qs(app.file));
    if (!app.parent.empty())
        printField(out, QStringLiteral("Parent"), qs(app.parent));
    printField(out, QStringLiteral("Server"), qs(app.destinationServer));
    printField(out, QStringLiteral("Namespace"), qs(app.destinationNamespace));
    printField(out, QStringLiteral("Repo"), qs(app.repoURL));
    printField(out, QStringLiteral("Target"), qs(app.targetRevision));
    printField(out, QStringLiteral("Path"), qs(app.path));
    printField(out, QStringLiteral("Sync Window"), orDash(qs(app.windowDescription)));
    printField(out, QStringLiteral("Sync Policy"), syncPolicyText(app));
    printField(out, QStringLiteral("Approval"), approvalText(app));
    printField(out, QStringLiteral("Sync Status"),
        QStringLiteral("%1 to %2").arg(QString::fromLatin1(compare::toString(app.sync)), shortRevision(app.revision)));
    printField(out, QStringLiteral("Health Status"), healthText(app));
}

void printConditions(std::ostream &out, const engine::AppState &app)
{
    if (app.conditions.empty())
        return;
    Table table({ QStringLiteral("CONDITION"), QStringLiteral("MESSAGE") });
    for (const argo::Condition &c : app.conditions)
        table.addRow({ qs(argo::conditionTypeName(c.type)), qs(c.message) });
    out << '\n';
    table.print(out);
}

void printResources(std::ostream &out, const engine::AppState &app, OutputFormat format)
{
    if (app.resources.empty())
        return;
    QStringList headers { QStringLiteral("GROUP"), QStringLiteral("KIND"), QStringLiteral("NAMESPACE"),
        QStringLiteral("NAME"), QStringLiteral("STATUS"), QStringLiteral("HEALTH"), QStringLiteral("MESSAGE") };
    if (format == OutputFormat::Wide)
        headers.insert(1, QStringLiteral("VERSION"));
    Table table(headers);
    for (const engine::ResourceState &r : app.resources) {
        QStringList row { qs(r.id.group), qs(r.id.kind), qs(r.id.ns), qs(r.id.name),
            QString::fromLatin1(compare::toString(r.status)), healthText(r.health),
            r.health ? qs(r.health->message) : QString() };
        if (format == OutputFormat::Wide)
            row.insert(1, qs(r.id.version));
        table.addRow(row);
    }
    out << '\n';
    table.print(out);
}

// The running or last operation, as `argocd app get` ends: a summary, then a row per resource.
void printOperation(std::ostream &out, const argocd::ApplicationOperations &ops)
{
    if (!ops.operation) {
        if (ops.operationRequested)
            out << "\nOperation:          requested, not yet started by Argo CD's controller\n";
        return;
    }
    const history::Operation &op = *ops.operation;
    out << '\n';
    const bool running = history::isUnfinished(op.phase);
    printField(out, running ? QStringLiteral("Operation") : QStringLiteral("Last Operation"),
        QStringLiteral("%1%2").arg(
            QString::fromLatin1(history::toString(op.kind)), op.dryRun ? QStringLiteral(" (dry run)") : QString()));
    printField(out, QStringLiteral("Sync Revision"), orDash(qs(op.revision)));
    printField(out, QStringLiteral("Phase"), QString::fromLatin1(history::toString(op.phase)));
    printField(out, QStringLiteral("Message"), qs(op.message));
    printField(out, QStringLiteral("Initiated By"), orDash(qs(op.initiatedBy)));
    printField(out, QStringLiteral("Started"), formatTime(op.startedAt));
    if (!running)
        printField(out, QStringLiteral("Finished"), formatTime(op.finishedAt));
    if (!op.approvalNote.empty())
        printField(out, QStringLiteral("Approval Note"), qs(op.approvalNote));
    if (!op.approvers.empty()) {
        QStringList approvers;
        for (const std::string &a : op.approvers)
            approvers << qs(a);
        printField(out, QStringLiteral("Approvers"), approvers.join(QLatin1String(", ")));
    }
    if (op.resources.empty())
        return;
    Table table({ QStringLiteral("GROUP"), QStringLiteral("KIND"), QStringLiteral("NAMESPACE"), QStringLiteral("NAME"),
        QStringLiteral("RESULT"), QStringLiteral("MESSAGE") });
    for (const history::ResourceResult &r : op.resources)
        table.addRow({ qs(r.resource.group), qs(r.resource.kind), qs(r.resource.ns), qs(r.resource.name),
            QString::fromLatin1(history::toString(r.status)), qs(r.message) });
    out << '\n';
    table.print(out);
}

} // namespace

QString ArgoCdAppListCommand::summary() const
{
    return QStringLiteral("List the Applications of an Argo CD in a cluster");
}

QString ArgoCdAppListCommand::usage() const
{
    return QStringLiteral("Usage: capstanctl argocd app list [-o wide|json] [cluster options]\n\n"
                          "Lists the Application resources Argo CD holds: project, sync status, health and\n"
                          "sync policy; wide adds the revision, destination, sync window and operation.\n\n"
                          "Options:\n")
        + m_output.usageLine() + ArgoCdOptions::usage();
}

int ArgoCdAppListCommand::run(const QStringList &arguments, Streams &io)
{
    QCommandLineParser parser;
    OutputFormat format = OutputFormat::Table;
    const auto positional = parse(parser, arguments, *this, m_argocd, m_output, io, format);
    if (!positional)
        return ExitUsage;
    if (!positional->isEmpty())
        return usageError(*this, io, QStringLiteral("unexpected argument '%1'").arg(positional->first()));
    auto connection = m_argocd.open(parser);
    if (!connection)
        return fail(*this, io, connection.error().toString());
    auto snapshot = connection->engine->snapshot();
    if (!snapshot)
        return fail(*this, io, snapshot.error().toString());

    const std::vector<engine::AppState> &apps = snapshot->workspace.apps;
    if (format == OutputFormat::Json) {
        QJsonArray array;
        for (std::size_t i = 0; i < apps.size(); ++i)
            array.append(toJson(apps[i], snapshot->operations[i]));
        printStructured(io.out, array, format);
        return ExitOk;
    }
    QStringList headers = appListHeaders();
    if (format == OutputFormat::Wide)
        headers << QStringLiteral("REVISION") << QStringLiteral("DESTINATION") << QStringLiteral("WINDOW")
                << QStringLiteral("OPERATION");
    Table table(headers);
    for (std::size_t i = 0; i < apps.size(); ++i) {
        const engine::AppState &app = apps[i];
        QStringList row = appListRow(app);
        if (format == OutputFormat::Wide)
            row << shortRevision(app.revision) << destinationText(app)
                << qs(argo::syncWindowStateName(app.window.state)) << operationText(snapshot->operations[i]);
        table.addRow(row);
    }
    table.print(io.out);
    printSnapshotWarnings(io.err, *snapshot);
    return ExitOk;
}

QString ArgoCdAppGetCommand::summary() const
{
    return QStringLiteral("Show an Argo CD Application: status, resources and its operation");
}

QString ArgoCdAppGetCommand::usage() const
{
    return QStringLiteral("Usage: capstanctl argocd app get NAME [-o wide|json] [cluster options]\n\n"
                          "Shows the Application's source, destination, sync policy, sync window and approval\n"
                          "rule, its sync status and health, its conditions and resources, and the running or\n"
                          "last operation with each resource's result.\n\n"
                          "Options:\n")
        + m_output.usageLine() + ArgoCdOptions::usage();
}

int ArgoCdAppGetCommand::run(const QStringList &arguments, Streams &io)
{
    OutputFormat format = OutputFormat::Table;
    int exitCode = ExitOk;
    const auto target = openNamedApp(arguments, *this, m_argocd, m_output, io, format, exitCode);
    if (!target)
        return exitCode;
    const engine::AppState &app = target->state();

    if (format == OutputFormat::Json) {
        printStructured(io.out, toJson(app, target->operations()), format);
        return ExitOk;
    }
    printSummary(io.out, app);
    printConditions(io.out, app);
    printResources(io.out, app, format);
    printOperation(io.out, target->operations());
    printSnapshotWarnings(io.err, target->snapshot);
    return ExitOk;
}

QString ArgoCdAppHistoryCommand::summary() const
{
    return QStringLiteral("List an Argo CD Application's deployments (status.history)");
}

QString ArgoCdAppHistoryCommand::usage() const
{
    return QStringLiteral("Usage: capstanctl argocd app history NAME [-o wide|json] [cluster options]\n\n"
                          "Lists the deployments Argo CD keeps in the Application's status.history, newest\n"
                          "first. The ID is what `capstanctl argocd app rollback NAME ID` takes; wide adds the\n"
                          "full revision and the source path.\n\n"
                          "Options:\n")
        + m_output.usageLine() + ArgoCdOptions::usage();
}

int ArgoCdAppHistoryCommand::run(const QStringList &arguments, Streams &io)
{
    OutputFormat format = OutputFormat::Table;
    int exitCode = ExitOk;
    const auto target = openNamedApp(arguments, *this, m_argocd, m_output, io, format, exitCode);
    if (!target)
        return exitCode;
    const std::vector<history::HistoryEntry> &entries = target->operations().history;

    if (format == OutputFormat::Json) {
        QJsonArray array;
        for (const history::HistoryEntry &entry : entries)
            array.append(toJson(entry));
        printStructured(io.out, array, format);
        return ExitOk;
    }
    QStringList headers { QStringLiteral("ID"), QStringLiteral("DEPLOYED AT"), QStringLiteral("REVISION"),
        QStringLiteral("INITIATED BY") };
    if (format == OutputFormat::Wide)
        headers << QStringLiteral("PATH");
    Table table(headers);
    for (const history::HistoryEntry &entry : entries) {
        const history::Operation &op = entry.operation;
        QStringList row { QString::number(op.id), formatTime(op.finishedAt),
            format == OutputFormat::Wide ? orDash(qs(op.revision)) : shortRevision(op.revision),
            orDash(qs(op.initiatedBy)) };
        if (format == OutputFormat::Wide)
            row << orDash(qs(op.sourcePath));
        table.addRow(row);
    }
    table.print(io.out);
    return ExitOk;
}

} // namespace capstan::ctl
