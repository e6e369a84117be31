#include "ctl/commands/demo_command.h"

#include "ctl/commands/output.h"
#include "ctl/commands/workspace_options.h"
#include "ctl/options.h"
#include "reconcile/engine/demo_workspace.h"

#include <QDir>
#include <QRegularExpression>

namespace capstan::ctl {

QString DemoInitCommand::summary() const
{
    return QStringLiteral("Create the demo GitOps repository and its sandbox cluster");
}

QString DemoInitCommand::usage() const
{
    return QStringLiteral("Usage: capstanctl demo init DIR\n\n"
                          "Creates, in DIR (new or empty), a GitOps repository for a small shop: services with\n"
                          "dev, staging and prod overlays, Argo CD Applications (app of apps) and a project\n"
                          "with a production sync window, with two weeks of commit history; and its sandbox\n"
                          "cluster, where dev and staging are synced and healthy and prod is one release\n"
                          "behind, waiting for a person.\n\n"
                          "Options:\n"
                          "  --now ISO8601  end the history at this UTC time instead of now (for tests)\n");
}

int DemoInitCommand::run(const QStringList &arguments, Streams &io)
{
    QCommandLineParser parser;
    const QCommandLineOption nowOption(QStringLiteral("now"), QString(), QStringLiteral("ISO8601"));
    parser.addOption(nowOption);
    const auto positional = parseArguments(parser, arguments, *this, io);
    if (!positional)
        return ExitUsage;
    if (positional->size() != 1)
        return usageError(*this, io, QStringLiteral("expected one directory"));
    QDateTime now = QDateTime::currentDateTimeUtc();
    if (parser.isSet(nowOption)) {
        now = QDateTime::fromString(parser.value(nowOption), Qt::ISODate);
        if (!now.isValid())
            return usageError(
                *this, io, QStringLiteral("--now: '%1' is not an ISO 8601 time").arg(parser.value(nowOption)));
        now = now.toUTC();
    }
    const QString dir = QDir(positional->first()).absolutePath();
    if (QDir(dir).exists() && !QDir(dir).isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden))
        return fail(*this, io, dir.toStdString() + ": the folder is not empty; choose a new or empty one");
    auto demo = engine::initDemoWorkspace(dir, now);
    if (!demo)
        return fail(*this, io, dir.toStdString() + ": " + demo.error().toString());

    const QStringList services = QDir(dir + QStringLiteral("/k8s/base"))
                                     .entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)
                                     .filter(QRegularExpression(QStringLiteral("^(?!network-policies$)")));
    io.out << "Created the demo workspace in " << dir << ":\n"
           << "  a Git repository (main at " << shortRevision(demo->headRevision.toStdString()) << ") with\n"
           << "    k8s/base/{" << services.join(QLatin1Char(',')) << "}, k8s/base/network-policies\n"
           << "    k8s/overlays/{dev,staging,prod}, argocd/app-of-apps.yaml, argocd/applications/,\n"
           << "    argocd/projects/platform.yaml (with a production sync window)\n"
           << "  its sandbox cluster: dev and staging synced and healthy; prod runs "
           << shortRevision(demo->prodRevision.toStdString()) << ", one release behind, waiting for approval\n\n"
           << "Try:\n"
           << "  capstanctl app list --repo " << dir << "\n"
           << "  capstanctl app get order-service-prod --repo " << dir << "\n"
           << "  capstanctl app diff order-service-prod --repo " << dir << "\n"
           << "  capstanctl proj windows platform --repo " << dir << "\n"
           << "  capstanctl app sync order-service-prod --repo " << dir
           << " --note \"CHG-1042 approved\" --approver $USER\n"
           << "  capstanctl app history order-service-prod --repo " << dir << "\n";
    return ExitOk;
}

} // namespace capstan::ctl
