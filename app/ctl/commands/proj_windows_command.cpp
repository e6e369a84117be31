#include "ctl/commands/proj_windows_command.h"

#include "ctl/options.h"
#include "reconcile/engine/catalog.h"

#include <QJsonArray>
#include <QJsonObject>

namespace capstan::ctl {

namespace {

QString list(const std::vector<std::string> &values)
{
    QStringList out;
    for (const std::string &v : values)
        out << qs(v);
    return orDash(out.join(QLatin1Char(',')));
}

QJsonArray jsonList(const std::vector<std::string> &values)
{
    QJsonArray out;
    for (const std::string &v : values)
        out.append(qs(v));
    return out;
}

QString kindName(argo::SyncWindowKind kind)
{
    return kind == argo::SyncWindowKind::Allow ? QStringLiteral("allow") : QStringLiteral("deny");
}

QString zoneName(const QTimeZone &zone)
{
    return QString::fromUtf8(zone.id());
}

QString nextChange(const argo::SyncWindowStatus &status)
{
    if (!status.nextChange.isValid())
        return QStringLiteral("-");
    return QStringLiteral("%1 at %2")
        .arg(qs(argo::syncWindowStateName(status.nextState)), formatTime(status.nextChange));
}

} // namespace

QString ProjWindowsCommand::summary() const
{
    return QStringLiteral("Show a project's sync windows and what they mean for its applications now");
}

QString ProjWindowsCommand::usage() const
{
    return QStringLiteral("Usage: capstanctl proj windows PROJECT [-o wide|json|yaml] [workspace options]\n\n"
                          "Lists the project's sync windows (kind, schedule, duration, time zone, the\n"
                          "applications, namespaces and clusters they match, manualSync) and, for each of\n"
                          "its applications, whether it may sync now and when that next changes.\n\n"
                          "Options:\n")
        + m_output.usageLine() + WorkspaceOptions::usage();
}

int ProjWindowsCommand::run(const QStringList &arguments, Streams &io)
{
    QCommandLineParser parser;
    m_workspace.addTo(parser);
    m_output.addTo(parser);
    const auto positional = parseArguments(parser, arguments, *this, io);
    if (!positional)
        return ExitUsage;
    QString error;
    const auto format = m_output.format(parser, error);
    if (!format)
        return usageError(*this, io, error);
    if (positional->size() != 1)
        return usageError(*this, io, QStringLiteral("expected one project name"));
    const std::string name = positional->first().toStdString();

    auto ws = openWorkspace(m_workspace, parser);
    if (!ws)
        return fail(*this, io, ws.error().toString());
    auto snapshot = ws->workspace->reconciler().repository().snapshot(qs(ws->snapshot->headRevision));
    if (!snapshot)
        return fail(*this, io, snapshot.error().toString());
    const engine::Catalog catalog = engine::scanCatalog(*snapshot);
    const auto found = catalog.projects.find(name);
    if (found == catalog.projects.end())
        return fail(*this, io, "project '" + name + "' not found");
    const argo::AppProject &project = found->second;
    std::vector<const engine::AppState *> apps;
    for (const engine::AppState &app : ws->snapshot->apps)
        if (app.project == name)
            apps.push_back(&app);

    if (*format == OutputFormat::Json || *format == OutputFormat::Yaml) {
        QJsonArray windows;
        for (const argo::SyncWindow &w : project.syncWindows)
            windows.append(QJsonObject { { QStringLiteral("kind"), kindName(w.kind) },
                { QStringLiteral("schedule"), qs(w.schedule.expression()) },
                { QStringLiteral("duration"), qs(w.durationText) },
                { QStringLiteral("timeZone"), zoneName(w.timeZone) },
                { QStringLiteral("applications"), jsonList(w.applications) },
                { QStringLiteral("namespaces"), jsonList(w.namespaces) },
                { QStringLiteral("clusters"), jsonList(w.clusters) }, { QStringLiteral("manualSync"), w.manualSync },
                { QStringLiteral("andOperator"), w.andOperator }, { QStringLiteral("active"), w.isActiveAt(ws->now) },
                { QStringLiteral("description"), qs(w.description) }, { QStringLiteral("where"), qs(w.where) } });
        QJsonArray states;
        for (const engine::AppState *app : apps) {
            QJsonObject state { { QStringLiteral("application"), qs(app->name) },
                { QStringLiteral("state"), qs(argo::syncWindowStateName(app->window.state)) },
                { QStringLiteral("description"), qs(app->windowDescription) } };
            if (app->window.nextChange.isValid()) {
                state.insert(QStringLiteral("nextChange"), app->window.nextChange.toUTC().toString(Qt::ISODate));
                state.insert(QStringLiteral("nextState"), qs(argo::syncWindowStateName(app->window.nextState)));
            }
            states.append(state);
        }
        printStructured(io.out,
            QJsonObject { { QStringLiteral("project"), qs(name) },
                { QStringLiteral("now"), ws->now.toString(Qt::ISODate) }, { QStringLiteral("windows"), windows },
                { QStringLiteral("applications"), states } },
            *format);
        return ExitOk;
    }

    const bool wide = *format == OutputFormat::Wide;
    io.out << "Project " << name << ", at " << formatTime(ws->now) << "\n\n";
    if (project.syncWindows.empty()) {
        io.out << "No sync windows: every application may sync at any time.\n";
    } else {
        QStringList headers { QStringLiteral("ID"), QStringLiteral("STATUS"), QStringLiteral("KIND"),
            QStringLiteral("SCHEDULE"), QStringLiteral("DURATION"), QStringLiteral("TIMEZONE"),
            QStringLiteral("APPLICATIONS"), QStringLiteral("NAMESPACES"), QStringLiteral("CLUSTERS"),
            QStringLiteral("MANUALSYNC") };
        if (wide)
            headers << QStringLiteral("AND") << QStringLiteral("DEFINED AT") << QStringLiteral("DESCRIPTION");
        Table table(headers);
        for (std::size_t i = 0; i < project.syncWindows.size(); ++i) {
            const argo::SyncWindow &w = project.syncWindows[i];
            QStringList row { QString::number(i),
                w.isActiveAt(ws->now) ? QStringLiteral("Active") : QStringLiteral("Inactive"), kindName(w.kind),
                qs(w.schedule.expression()), qs(w.durationText), zoneName(w.timeZone), list(w.applications),
                list(w.namespaces), list(w.clusters),
                w.manualSync ? QStringLiteral("Enabled") : QStringLiteral("Disabled") };
            if (wide)
                row << (w.andOperator ? QStringLiteral("true") : QStringLiteral("false")) << orDash(qs(w.where))
                    << orDash(qs(w.description));
            table.addRow(row);
        }
        table.print(io.out);
    }
    if (apps.empty())
        return ExitOk;
    io.out << '\n';
    Table table({ QStringLiteral("APPLICATION"), QStringLiteral("STATE"), QStringLiteral("NOW"),
        QStringLiteral("NEXT CHANGE") });
    for (const engine::AppState *app : apps)
        table.addRow({ qs(app->name), qs(argo::syncWindowStateName(app->window.state)), qs(app->windowDescription),
            nextChange(app->window) });
    table.print(io.out);
    return ExitOk;
}

} // namespace capstan::ctl
