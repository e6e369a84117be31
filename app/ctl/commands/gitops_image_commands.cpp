#include "ctl/commands/gitops_commands.h"

#include "ctl/commands/output.h"
#include "ctl/options.h"
#include "reconcile/gitops/images.h"
#include "reconcile/gitops/promote.h"

namespace capstan::ctl {

// --- app set-image ---

QString AppSetImageCommand::summary() const
{
    return QStringLiteral("Set an image in an application's overlay and commit it (rollback by image override)");
}

QString AppSetImageCommand::usage() const
{
    return QStringLiteral(
               "Usage: capstanctl app set-image NAME IMAGE=TAG [--message rollback|release|promote] [--dry-run]\n\n"
               "Sets the image in the kustomization of the application's source path as\n"
               "`kustomize edit set image` does (every other byte kept), shows the manifest diff,\n"
               "and commits \"rollback: order-service to v1.1.0\" (or release:/promote:). IMAGE is\n"
               "the images entry's name or its last path segment; NAME=NEWNAME:TAG, NAME:TAG and\n"
               "NAME@DIGEST work too. `capstanctl app images NAME` lists the tags that ran.\n\n"
               "Options:\n"
               "  --message KIND   rollback (default), release or promote\n"
               "  --dry-run        show the preview only\n")
        + WorkspaceOptions::usage();
}

int AppSetImageCommand::run(const QStringList &arguments, Streams &io)
{
    QCommandLineParser parser;
    const QCommandLineOption dryRun(QStringLiteral("dry-run"));
    const QCommandLineOption message(
        QStringLiteral("message"), QString(), QStringLiteral("KIND"), QStringLiteral("rollback"));
    parser.addOptions({ dryRun, message });
    m_workspace.addTo(parser);
    const auto positional = parseArguments(parser, arguments, *this, io);
    if (!positional)
        return ExitUsage;
    if (positional->size() != 2)
        return usageError(*this, io, QStringLiteral("expected NAME and IMAGE=TAG"));
    const auto kind = gitops::messageKindFromString(parser.value(message).toStdString());
    if (!kind)
        return usageError(*this, io, QStringLiteral("--message takes rollback, release or promote"));
    auto image = gitops::parseImageArgument(positional->at(1).toStdString());
    if (!image)
        return usageError(*this, io, QString::fromStdString(image.error().toString()));
    auto open = openWorkspace(m_workspace, parser);
    if (!open)
        return fail(*this, io, open.error().toString());
    gitops::CommitOptions options;
    options.dryRun = parser.isSet(dryRun);
    auto result = gitops::setImage(*open->workspace, positional->at(0).toStdString(), *image, *kind, options);
    if (!result)
        return fail(*this, io, result.error().toString());
    printChange(io.out, *result);
    return ExitOk;
}

// --- app images ---

QString AppImagesCommand::summary() const
{
    return QStringLiteral("List the image tags each environment has run, bad ones flagged");
}

QString AppImagesCommand::usage() const
{
    return QStringLiteral("Usage: capstanctl app images NAME|SERVICE\n\n"
                          "The images an application (or every environment of a service, by the\n"
                          "capstan.io/service label) has run, from its history, most recent first. Bad marks\n"
                          "are flagged and never suggested.\n\n")
        + WorkspaceOptions::usage();
}

int AppImagesCommand::run(const QStringList &arguments, Streams &io)
{
    QCommandLineParser parser;
    m_workspace.addTo(parser);
    const auto positional = parseArguments(parser, arguments, *this, io);
    if (!positional)
        return ExitUsage;
    if (positional->size() != 1)
        return usageError(*this, io, QStringLiteral("expected an application or service NAME"));
    auto open = openWorkspace(m_workspace, parser);
    if (!open)
        return fail(*this, io, open.error().toString());
    auto runs = gitops::imageHistory(*open->workspace, positional->at(0).toStdString());
    if (!runs)
        return fail(*this, io, runs.error().toString());
    Table table({ QStringLiteral("ENVIRONMENT"), QStringLiteral("APPLICATION"), QStringLiteral("IMAGE"),
        QStringLiteral("TAG"), QStringLiteral("LAST DEPLOYED"), QStringLiteral("HISTORY"), QStringLiteral("NOTE") });
    for (const gitops::ImageRun &run : *runs) {
        QStringList ids;
        for (std::int64_t id : run.image.historyIds)
            ids << QString::number(id);
        QStringList notes;
        if (run.wanted)
            notes << QStringLiteral("in Git now");
        if (run.badMark)
            notes << QStringLiteral("BAD: ") + qs(run.badMark->reason);
        else if (gitops::suggestedRollbackImage(*runs, run.app) == &run)
            notes << QStringLiteral("suggested rollback");
        table.addRow({ qs(run.environment), qs(run.app), qs(run.image.repository), qs(run.image.tag),
            formatTime(run.image.lastDeployedAt), ids.join(QLatin1Char(',')),
            orDash(notes.join(QStringLiteral("; "))) });
    }
    table.print(io.out);
    return ExitOk;
}

// --- promote ---

QString PromoteCommand::summary() const
{
    return QStringLiteral("Copy a service's images from one environment's overlay to the next and commit");
}

QString PromoteCommand::usage() const
{
    return QStringLiteral(
               "Usage: capstanctl promote SERVICE --from ENV --to ENV [--note TEXT] [--field NAME]... [--dry-run]\n\n"
               "Finds the two applications by their capstan.io/service and capstan.io/environment\n"
               "labels (else named SERVICE-ENV), copies the images entries of the source overlay's\n"
               "kustomization to the target's (nothing else changes), shows the manifest diff the\n"
               "target gets and commits \"promote: SERVICE TAG to ENV\" (\"release: ... to\n"
               "production\" for prod). Nothing is pushed.\n\n"
               "Options:\n"
               "  --from ENV       the environment to copy from\n"
               "  --to ENV         the environment to change\n"
               "  --note TEXT      the approval note, required where the target's project asks\n"
               "  --field NAME     also copy this top-level kustomization field (repeatable)\n"
               "  --dry-run        show the preview only\n")
        + WorkspaceOptions::usage();
}

int PromoteCommand::run(const QStringList &arguments, Streams &io)
{
    QCommandLineParser parser;
    const QCommandLineOption from(QStringLiteral("from"), QString(), QStringLiteral("ENV"));
    const QCommandLineOption to(QStringLiteral("to"), QString(), QStringLiteral("ENV"));
    const QCommandLineOption note(QStringLiteral("note"), QString(), QStringLiteral("TEXT"));
    const QCommandLineOption field(QStringLiteral("field"), QString(), QStringLiteral("NAME"));
    const QCommandLineOption dryRun(QStringLiteral("dry-run"));
    parser.addOptions({ from, to, note, field, dryRun });
    m_workspace.addTo(parser);
    const auto positional = parseArguments(parser, arguments, *this, io);
    if (!positional)
        return ExitUsage;
    if (positional->size() != 1)
        return usageError(*this, io, QStringLiteral("expected one SERVICE"));
    if (parser.value(from).isEmpty() || parser.value(to).isEmpty())
        return usageError(*this, io, QStringLiteral("--from and --to are required"));
    auto open = openWorkspace(m_workspace, parser);
    if (!open)
        return fail(*this, io, open.error().toString());
    gitops::PromoteOptions options;
    for (const QString &name : parser.values(field))
        options.fields.push_back(name.toStdString());
    options.approvalNote = parser.value(note).toStdString();
    options.commit.dryRun = parser.isSet(dryRun);
    auto result = gitops::promote(*open->workspace, positional->at(0).toStdString(), parser.value(from).toStdString(),
        parser.value(to).toStdString(), options);
    if (!result)
        return fail(*this, io, result.error().toString());
    io.out << (result->kind == gitops::MessageKind::Release ? "Release" : "Promotion") << " from " << result->sourceApp
           << " to " << result->targetApp << "\n\n";
    printChange(io.out, result->change);
    return ExitOk;
}

} // namespace capstan::ctl
