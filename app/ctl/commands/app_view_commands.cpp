#include "ctl/commands/app_view_commands.h"

#include "ctl/commands/app_json.h"
#include "ctl/options.h"

#include <QJsonArray>

namespace capstan::ctl {

namespace {

// Parses the command line of a command that reads one workspace; nullopt
// after printing a usage error.
std::optional<QStringList> parse(QCommandLineParser &parser, const QStringList &arguments, const Command &command,
    const WorkspaceOptions &workspace, const OutputOption &output, Streams &io, OutputFormat &format)
{
    workspace.addTo(parser);
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

void printSummary(std::ostream &out, const engine::AppState &app)
{
    printField(out, QStringLiteral("Name"), qs(app.name));
    printField(out, QStringLiteral("Project"), qs(app.project));
    printField(out, QStringLiteral("Defined In"), qs(app.file));
    if (!app.parent.empty())
        printField(out, QStringLiteral("Parent"), qs(app.parent));
    printField(out, QStringLiteral("Server"), qs(app.destinationServer));
    printField(out, QStringLiteral("Namespace"), qs(app.destinationNamespace));
    printField(out, QStringLiteral("Repo"), qs(app.repoURL));
    printField(out, QStringLiteral("Target"), qs(app.targetRevision));
    printField(out, QStringLiteral("Path"), qs(app.path));
    printField(out, QStringLiteral("Sync Window"), qs(app.windowDescription));
    printField(out, QStringLiteral("Sync Policy"), syncPolicyText(app));
    printField(out, QStringLiteral("Approval"), approvalText(app));
    QString revision = shortRevision(app.revision);
    if (!app.revisionSummary.empty())
        revision += QStringLiteral(" (%1)").arg(qs(app.revisionSummary));
    printField(out, QStringLiteral("Sync Status"),
        QStringLiteral("%1 to %2").arg(QString::fromLatin1(compare::toString(app.sync)), revision));
    printField(out, QStringLiteral("Health Status"), healthText(app));
}

void printConditions(std::ostream &out, const engine::AppState &app)
{
    if (app.conditions.empty())
        return;
    Table table({ QStringLiteral("CONDITION"), QStringLiteral("WHERE"), QStringLiteral("MESSAGE") });
    for (const argo::Condition &c : app.conditions)
        table.addRow({ qs(argo::conditionTypeName(c.type)), orDash(qs(c.where)), qs(c.message) });
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

} // namespace

QString AppListCommand::summary() const
{
    return QStringLiteral("List applications with their sync status and health");
}

QString AppListCommand::usage() const
{
    return QStringLiteral("Usage: capstanctl app list [-o wide|json|yaml] [workspace options]\n\n"
                          "Lists every application of the workspace's repository: project, sync status and\n"
                          "health; wide adds the revision, path, destination, sync window and conditions.\n\n"
                          "Options:\n")
        + m_output.usageLine() + WorkspaceOptions::usage();
}

int AppListCommand::run(const QStringList &arguments, Streams &io)
{
    QCommandLineParser parser;
    OutputFormat format = OutputFormat::Table;
    const auto positional = parse(parser, arguments, *this, m_workspace, m_output, io, format);
    if (!positional)
        return ExitUsage;
    if (!positional->isEmpty())
        return usageError(*this, io, QStringLiteral("unexpected argument '%1'").arg(positional->first()));
    auto ws = openWorkspace(m_workspace, parser);
    if (!ws)
        return fail(*this, io, ws.error().toString());

    const std::vector<engine::AppState> &apps = ws->snapshot->apps;
    if (format == OutputFormat::Json || format == OutputFormat::Yaml) {
        QJsonArray array;
        for (const engine::AppState &app : apps)
            array.append(toJson(app));
        printStructured(io.out, array, format);
        return ExitOk;
    }
    QStringList headers = appListHeaders();
    if (format == OutputFormat::Wide)
        headers << QStringLiteral("REVISION") << QStringLiteral("PATH") << QStringLiteral("DESTINATION")
                << QStringLiteral("WINDOW") << QStringLiteral("CONDITIONS");
    Table table(headers);
    for (const engine::AppState &app : apps) {
        QStringList row = appListRow(app);
        if (format == OutputFormat::Wide)
            row << shortRevision(app.revision) << orDash(qs(app.path)) << orDash(qs(app.destinationNamespace))
                << qs(argo::syncWindowStateName(app.window.state)) << QString::number(app.conditions.size());
        table.addRow(row);
    }
    table.print(io.out);
    for (const argo::Condition &error : ws->snapshot->errors)
        io.err << "warning: " << error.toString() << '\n';
    return ExitOk;
}

QString AppGetCommand::summary() const
{
    return QStringLiteral("Show an application: source, destination, status, conditions and resources");
}

QString AppGetCommand::usage() const
{
    return QStringLiteral("Usage: capstanctl app get NAME [-o wide|json|yaml] [workspace options]\n\n"
                          "Shows where the application comes from and goes to, its sync policy, sync window\n"
                          "and approval rule, its sync status and health, its conditions (with file:line)\n"
                          "and each of its resources.\n\n"
                          "Options:\n")
        + m_output.usageLine() + WorkspaceOptions::usage();
}

int AppGetCommand::run(const QStringList &arguments, Streams &io)
{
    QCommandLineParser parser;
    OutputFormat format = OutputFormat::Table;
    const auto positional = parse(parser, arguments, *this, m_workspace, m_output, io, format);
    if (!positional)
        return ExitUsage;
    const AppTarget target = openApp(*this, io, m_workspace, parser, *positional);
    if (target.exitCode != ExitOk)
        return target.exitCode;
    const engine::AppState &app = *target.app;

    if (format == OutputFormat::Json || format == OutputFormat::Yaml) {
        printStructured(io.out, toJson(app), format);
        return ExitOk;
    }
    printSummary(io.out, app);
    printConditions(io.out, app);
    printResources(io.out, app, format);
    if (!app.warnings.empty()) {
        io.out << "\nWarnings:\n";
        for (const std::string &w : app.warnings)
            io.out << "  " << w << '\n';
    }
    return ExitOk;
}

QString AppHistoryCommand::summary() const
{
    return QStringLiteral("List an application's deployments");
}

QString AppHistoryCommand::usage() const
{
    return QStringLiteral("Usage: capstanctl app history NAME [-o wide|json] [workspace options]\n\n"
                          "Lists every sync, automated sync and rollback of the application, newest first:\n"
                          "when, which revision, who started it and how it ended. wide adds the approval\n"
                          "note and bad marks.\n\n"
                          "Options:\n")
        + m_output.usageLine() + WorkspaceOptions::usage();
}

int AppHistoryCommand::run(const QStringList &arguments, Streams &io)
{
    QCommandLineParser parser;
    OutputFormat format = OutputFormat::Table;
    const auto positional = parse(parser, arguments, *this, m_workspace, m_output, io, format);
    if (!positional)
        return ExitUsage;
    const AppTarget target = openApp(*this, io, m_workspace, parser, *positional);
    if (target.exitCode != ExitOk)
        return target.exitCode;
    auto page = target.open.workspace->history().history(target.name, { 0, 0 });
    if (!page)
        return fail(*this, io, page.error().toString());

    if (format == OutputFormat::Json) {
        QJsonArray array;
        for (const history::HistoryEntry &entry : page->entries)
            array.append(toJson(entry));
        printStructured(io.out, array, format);
        return ExitOk;
    }
    QStringList headers { QStringLiteral("ID"), QStringLiteral("DATE"), QStringLiteral("REVISION"),
        QStringLiteral("INITIATED BY"), QStringLiteral("RESULT") };
    if (format == OutputFormat::Wide)
        headers << QStringLiteral("KIND") << QStringLiteral("APPROVAL") << QStringLiteral("BAD");
    Table table(headers);
    for (const history::HistoryEntry &entry : page->entries) {
        const history::Operation &op = entry.operation;
        QStringList row { QString::number(op.id), formatTime(op.finishedAt), shortRevision(op.revision),
            qs(op.initiatedBy), QString::fromLatin1(history::toString(op.phase)) };
        if (format == OutputFormat::Wide)
            row << QString::fromLatin1(history::toString(op.kind)) << orDash(qs(op.approvalNote))
                << (entry.badMark ? qs(entry.badMark->reason) : QStringLiteral("-"));
        table.addRow(row);
    }
    table.print(io.out);
    return ExitOk;
}

} // namespace capstan::ctl
