#include "ctl/commands/history_admin_commands.h"

#include "ctl/options.h"
#include "reconcile/gitops/rollback.h"

namespace capstan::ctl {

QString AppHistoryRetentionCommand::summary() const
{
    return QStringLiteral("Set how much sync history to keep, and prune the rest now");
}

QString AppHistoryRetentionCommand::usage() const
{
    return QStringLiteral("Usage: capstanctl app history-retention (NAME | --all) [--keep-last N] [--max-age-days D]\n\n"
                          "Keeps the newest N history entries and/or those younger than D days for one\n"
                          "application (or, with --all, for every application without a rule of its own),\n"
                          "and deletes older entries now. History is never pruned without being asked.\n"
                          "Neither limit given: the rule is removed and nothing is deleted.\n\n"
                          "Options:\n") +
           WorkspaceOptions::usage();
}

int AppHistoryRetentionCommand::run(const QStringList &arguments, Streams &io)
{
    QCommandLineParser parser;
    const QCommandLineOption all(QStringLiteral("all"));
    const QCommandLineOption keepLast(QStringLiteral("keep-last"), QString(), QStringLiteral("N"));
    const QCommandLineOption maxAge(QStringLiteral("max-age-days"), QString(), QStringLiteral("D"));
    parser.addOptions({all, keepLast, maxAge});
    m_workspace.addTo(parser);
    const auto positional = parseArguments(parser, arguments, *this, io);
    if (!positional)
        return ExitUsage;
    if (positional->size() != (parser.isSet(all) ? 0 : 1))
        return usageError(*this, io, QStringLiteral("give one application NAME, or --all"));

    history::RetentionRule rule;
    rule.app = parser.isSet(all) ? std::string() : positional->first().toStdString();
    bool ok = true;
    if (parser.isSet(keepLast)) {
        rule.keepLast = parser.value(keepLast).toInt(&ok);
        if (!ok || *rule.keepLast < 1)
            return usageError(*this, io, QStringLiteral("--keep-last takes a whole number of at least 1"));
    }
    if (parser.isSet(maxAge)) {
        rule.maxAgeDays = parser.value(maxAge).toInt(&ok);
        if (!ok || *rule.maxAgeDays < 1)
            return usageError(*this, io, QStringLiteral("--max-age-days takes a whole number of at least 1"));
    }

    auto open = openWorkspace(m_workspace, parser);
    if (!open)
        return fail(*this, io, open.error().toString());
    if (!rule.app.empty()) {
        if (auto app = open->app(rule.app); !app)
            return fail(*this, io, app.error().toString());
    }
    history::HistoryStore &store = open->workspace->history();
    if (auto set = store.setRetention(rule); !set)
        return fail(*this, io, set.error().toString());
    auto pruned = store.prune(open->now);
    if (!pruned)
        return fail(*this, io, pruned.error().toString());
    const std::string who = rule.app.empty() ? std::string("every application") : rule.app;
    if (!rule.keepLast && !rule.maxAgeDays)
        io.out << "Removed the retention rule of " << who << "; history is kept in full.\n";
    else
        io.out << "Retention for " << who << ": "
               << (rule.keepLast ? "newest " + std::to_string(*rule.keepLast) + " entries" : std::string())
               << (rule.keepLast && rule.maxAgeDays ? ", " : "")
               << (rule.maxAgeDays ? "younger than " + std::to_string(*rule.maxAgeDays) + " days" : std::string())
               << ". Pruned " << *pruned << " operation" << (*pruned == 1 ? "" : "s") << ".\n";
    return ExitOk;
}

QString AppResumeAutoSyncCommand::summary() const
{
    return QStringLiteral("Let automated sync apply an application's revisions again after a rollback");
}

QString AppResumeAutoSyncCommand::usage() const
{
    return QStringLiteral("Usage: capstanctl app resume-auto-sync NAME\n\n"
                          "Ends a suspension (app rollback --suspend-auto-sync) or a rollback-aware skip, so\n"
                          "automated sync applies what Git wants at the next refresh.\n\n"
                          "Options:\n") +
           WorkspaceOptions::usage();
}

int AppResumeAutoSyncCommand::run(const QStringList &arguments, Streams &io)
{
    QCommandLineParser parser;
    m_workspace.addTo(parser);
    const auto positional = parseArguments(parser, arguments, *this, io);
    if (!positional)
        return ExitUsage;
    AppTarget target
        = openApp(*this, io, m_workspace, parser, *positional, QStringLiteral("expected one application NAME"));
    if (target.exitCode != ExitOk)
        return target.exitCode;
    const std::string &name = target.name;
    auto cleared = gitops::resumeAutoSync(*target.open.workspace, name);
    if (!cleared)
        return fail(*this, io, cleared.error().toString());
    if (*cleared == 0) {
        io.out << name << ": automated sync was not suspended or skipping anything.\n";
        return ExitOk;
    }
    io.out << name << ": automated sync resumed (" << *cleared << " skip" << (*cleared == 1 ? "" : "s")
           << " cleared).\n";
    return ExitOk;
}

} // namespace capstan::ctl
