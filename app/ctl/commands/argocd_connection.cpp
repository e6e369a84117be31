#include "ctl/commands/argocd_connection.h"

#include <QDir>

#include <ostream>

namespace capstan::ctl {

void ArgoCdOptions::addTo(QCommandLineParser &parser) const
{
    parser.addOptions({ m_context, m_kubeconfig, m_namespace });
}

QString ArgoCdOptions::usage()
{
    return QStringLiteral("Cluster options:\n"
                          "  --context NAME         the kubeconfig context whose cluster runs Argo CD\n"
                          "                         (default: the kubeconfig's current-context)\n"
                          "  --kubeconfig PATH      the kubeconfig file (repeatable, merged; default: $KUBECONFIG,\n"
                          "                         else ~/.kube/config)\n"
                          "  --argocd-namespace NS  where Argo CD keeps its Applications (default: argocd)\n");
}

capstan::Result<ArgoCdConnection> ArgoCdOptions::open(const QCommandLineParser &parser) const
{
    std::vector<std::string> files;
    for (const QString &file : parser.values(m_kubeconfig))
        files.push_back(QDir::cleanPath(QDir::current().absoluteFilePath(file)).toStdString());
    auto config = files.empty() ? kube::Kubeconfig::loadDefault() : kube::Kubeconfig::load(files);
    if (!config)
        return config.error();
    auto cluster = kube::KubeCluster::open(*config, parser.value(m_context).toStdString());
    if (!cluster)
        return cluster.error();

    ArgoCdConnection connection;
    connection.cluster = std::move(*cluster);
    argocd::ArgoCdEngine::Options options;
    if (parser.isSet(m_namespace))
        options.ns = parser.value(m_namespace).toStdString();
    connection.engine = std::make_unique<argocd::ArgoCdEngine>(*connection.cluster, options);
    // As a shell reads them back: values with spaces or quotes in single quotes.
    QStringList followUp;
    auto add = [&followUp](const QString &option, QString value) {
        if (value.contains(QLatin1Char(' ')) || value.contains(QLatin1Char('\'')) || value.contains(QLatin1Char('"')))
            value = QLatin1Char('\'') + value.replace(QLatin1Char('\''), QLatin1String("'\\''")) + QLatin1Char('\'');
        followUp << option << value;
    };
    for (const QString &file : parser.values(m_kubeconfig))
        add(QStringLiteral("--kubeconfig"), file);
    if (parser.isSet(m_context))
        add(QStringLiteral("--context"), parser.value(m_context));
    if (parser.isSet(m_namespace))
        add(QStringLiteral("--argocd-namespace"), parser.value(m_namespace));
    connection.followUpOptions = followUp.join(QLatin1Char(' '));
    return connection;
}

capstan::Result<ArgoCdApp> openArgoCdApp(
    const ArgoCdOptions &options, const QCommandLineParser &parser, const std::string &name)
{
    auto connection = options.open(parser);
    if (!connection)
        return connection.error();
    auto snapshot = connection->engine->snapshot();
    if (!snapshot)
        return snapshot.error();
    if (!snapshot->workspace.app(name)) {
        std::string known;
        for (const engine::AppState &app : snapshot->workspace.apps)
            known += (known.empty() ? "" : ", ") + app.name;
        return makeError("application \"" + name + "\" not found in namespace " + connection->engine->options().ns
            + " (applications: " + (known.empty() ? "none" : known) + ")");
    }
    return ArgoCdApp { std::move(*connection), std::move(*snapshot), name };
}

void printSnapshotWarnings(std::ostream &err, const argocd::Snapshot &snapshot)
{
    for (const argo::Condition &error : snapshot.workspace.errors)
        err << "warning: " << error.toString() << '\n';
}

} // namespace capstan::ctl
