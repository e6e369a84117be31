#include "reconcile/engine/workspace.h"

#include "reconcile/engine/context_cluster_p.h"

#include <QDir>
#include <QRegularExpression>
#include <QThread>

#include <pwd.h>
#include <unistd.h>

namespace capstan::engine {

Result<std::unique_ptr<Workspace>> Workspace::open(const WorkspaceConfig &config)
{
    auto repository = git::Repository::open(config.repository);
    if (!repository)
        return repository.error();

    std::unique_ptr<Workspace> ws(new Workspace);
    ws->m_config = config;
    ws->m_dataDirectory = config.dataDirectory.isEmpty() ? repository->gitDir() + QStringLiteral("capstan")
                                                         : config.dataDirectory;
    if (!QDir().mkpath(ws->m_dataDirectory))
        return makeError("cannot create the workspace's data folder", ws->m_dataDirectory.toStdString());

    const QDir data(ws->m_dataDirectory);
    WorkspaceOptions options;
    options.branch = config.branch;
    if (config.context) {
        auto real = openContextCluster(*config.context, config.kubeconfigFiles);
        if (!real)
            return real.error();
        ws->m_cluster = std::move(real->cluster);
        ws->m_contextName = real->context;
        options.destinationCheck = std::move(real->destinationCheck);
        // Each cluster keeps a history of its own: what was deployed to the
        // sandbox is not what runs in a real cluster, nor the other way round.
        QString folder = QString::fromStdString(real->context);
        folder.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9._-]")), QStringLiteral("_"));
        ws->m_dataDirectory = data.filePath(QStringLiteral("contexts/") + folder);
        if (!QDir().mkpath(ws->m_dataDirectory))
            return makeError("cannot create the context's data folder", ws->m_dataDirectory.toStdString());
    } else {
        auto sandbox = cluster::SandboxCluster::open(data.filePath(QStringLiteral("sandbox.db")).toStdString());
        if (!sandbox)
            return Error(sandbox.error());
        ws->m_sandbox = std::move(*sandbox);
        ws->m_cluster = ws->m_sandbox;
    }

    auto history = history::HistoryStore::open(
        QDir(ws->m_dataDirectory).filePath(QStringLiteral("history.db")).toStdString());
    if (!history)
        return history.error();
    ws->m_history = std::make_unique<history::HistoryStore>(std::move(*history));

    ws->m_reconciler = std::make_unique<Reconciler>(std::move(*repository), ws->m_cluster, std::move(options));
    return ws;
}

Workspace::~Workspace() = default;

void Workspace::letTimePass(std::chrono::seconds duration)
{
    if (m_sandbox && m_config.clock == ClockMode::Simulated) {
        (void)m_sandbox->advance(duration);
        return;
    }
    QThread::sleep(std::chrono::duration_cast<std::chrono::seconds>(duration).count());
    if (m_sandbox)
        (void)m_sandbox->advance(duration);
}

std::chrono::system_clock::time_point Workspace::now() const
{
    return m_sandbox ? m_sandbox->now() : std::chrono::system_clock::now();
}

void Workspace::catchUp(std::chrono::seconds maxCatchUp)
{
    if (!m_sandbox)
        return; // a real cluster's controllers keep their own time
    const auto behind =
        std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now() - m_sandbox->now());
    if (behind.count() > 0)
        (void)m_sandbox->advance(std::min(behind, maxCatchUp));
}

std::string currentUser()
{
    if (const passwd *pw = getpwuid(getuid()); pw && pw->pw_name)
        return pw->pw_name;
    const QByteArray user = qgetenv("USER");
    return user.isEmpty() ? std::string("unknown") : user.toStdString();
}

} // namespace capstan::engine
