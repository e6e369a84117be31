#include "ctl/commands/workspace_options.h"

#include "git/repository.h"
#include "manifest/yaml_reader.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace capstan::ctl {

namespace {

// The keys a capstanctl config file may set; empty where it does not.
struct ConfigFile
{
    QString repo;
    QString data;
    QString branch;
};

// Reads a config file; a missing file is an empty one. Relative paths in it
// are relative to the file's folder.
Result<ConfigFile> readConfigFile(const QString &path)
{
    ConfigFile config;
    QFile file(path);
    if (!file.exists())
        return config;
    if (!file.open(QIODevice::ReadOnly))
        return makeError("cannot read " + path.toStdString());
    const QByteArray text = file.readAll();
    auto documents
        = manifest::parseDocuments(std::string_view(text.constData(), std::size_t(text.size())), path.toStdString());
    if (!documents)
        return documents.error();
    if (documents->empty())
        return config;
    const manifest::Node &root = documents->front();
    if (!root.isMap())
        return makeError("expected a mapping with repo, data and branch keys", path.toStdString() + ":1:1");
    const QDir base = QFileInfo(path).absoluteDir();
    for (const manifest::MapEntry &entry : root.entries()) {
        const QString value = QString::fromStdString(entry.value.text());
        if (entry.key == "repo")
            config.repo = QDir::cleanPath(base.absoluteFilePath(value));
        else if (entry.key == "data")
            config.data = QDir::cleanPath(base.absoluteFilePath(value));
        else if (entry.key == "branch")
            config.branch = value;
        else
            return makeError("unknown key '" + entry.key + "' (expected repo, data or branch)",
                path.toStdString() + ":" + std::to_string(entry.keyMark.line) + ":"
                    + std::to_string(entry.keyMark.column));
    }
    return config;
}

QString userConfigPath()
{
    const QString xdg = qEnvironmentVariable("XDG_CONFIG_HOME");
    const QString base = xdg.isEmpty() ? QDir::homePath() + QStringLiteral("/.config") : xdg;
    return base + QStringLiteral("/capstan/capstanctl.yaml");
}

QString firstSet(std::initializer_list<QString> values)
{
    for (const QString &v : values)
        if (!v.isEmpty())
            return v;
    return {};
}

} // namespace

void WorkspaceOptions::addTo(QCommandLineParser &parser) const
{
    parser.addOptions({ m_repo, m_data, m_branch, m_now, m_context, m_kubeconfig });
}

QString WorkspaceOptions::usage()
{
    return QStringLiteral("Workspace options (else .capstan.yaml at the repository's root, then\n"
                          "~/.config/capstan/capstanctl.yaml, with keys repo, data and branch):\n"
                          "  --repo PATH      the GitOps repository (default: the one containing the current folder)\n"
                          "  --data DIR       the sandbox cluster and history (default: <git dir>/capstan)\n"
                          "  --branch BRANCH  the branch applications follow (default: the one checked out)\n"
                          "  --now ISO8601    take this UTC time as now for sync windows (for tests and scripts)\n"
                          "Cluster options (default: the sandbox cluster in --data):\n"
                          "  --context NAME   use the real cluster of this kubeconfig context; applications\n"
                          "                   whose destination is another cluster are shown, not synced\n"
                          "  --kubeconfig PATH  the kubeconfig file (repeatable, merged; default: $KUBECONFIG,\n"
                          "                   else ~/.kube/config); without --context, its current-context\n");
}

Result<engine::WorkspaceConfig> WorkspaceOptions::config(const QCommandLineParser &parser) const
{
    auto user = readConfigFile(userConfigPath());
    if (!user)
        return user.error();

    QString repo = parser.value(m_repo);
    if (repo.isEmpty() && git::Repository::open(QDir::currentPath()).ok())
        repo = QDir::currentPath();
    if (repo.isEmpty())
        repo = user->repo;
    if (repo.isEmpty())
        return makeError("the current folder is not in a Git repository; name one with --repo PATH");

    auto repository = git::Repository::open(repo);
    if (!repository)
        return repository.error();
    auto local = readConfigFile(QDir(repository->workdir()).filePath(QStringLiteral(".capstan.yaml")));
    if (!local)
        return local.error();

    engine::WorkspaceConfig config;
    config.repository = repo;
    config.dataDirectory = firstSet({ parser.value(m_data), local->data, user->data });
    config.branch = firstSet({ parser.value(m_branch), local->branch, user->branch });
    config.clock = engine::ClockMode::Simulated;
    if (parser.isSet(m_context) || parser.isSet(m_kubeconfig))
        config.context = parser.value(m_context);
    for (const QString &file : parser.values(m_kubeconfig))
        config.kubeconfigFiles << QDir::cleanPath(QDir::current().absoluteFilePath(file));
    return config;
}

Result<QDateTime> WorkspaceOptions::now(const QCommandLineParser &parser) const
{
    if (!parser.isSet(m_now))
        return QDateTime::currentDateTimeUtc();
    QDateTime time = QDateTime::fromString(parser.value(m_now), Qt::ISODate);
    if (!time.isValid())
        return makeError(
            "--now: '" + parser.value(m_now).toStdString() + "' is not an ISO 8601 time such as 2026-11-25T10:00:00Z");
    if (time.timeSpec() == Qt::LocalTime)
        time.setTimeSpec(Qt::UTC);
    return time.toUTC();
}

Result<void> OpenWorkspace::refresh()
{
    auto refreshed = workspace->reconciler().refresh(now);
    if (!refreshed)
        return refreshed.error();
    snapshot = *refreshed;
    return {};
}

Result<const engine::AppState *> OpenWorkspace::app(const std::string &name) const
{
    if (const engine::AppState *state = snapshot->app(name))
        return state;
    return makeError("application '" + name + "' not found");
}

Result<OpenWorkspace> openWorkspace(const WorkspaceOptions &options, const QCommandLineParser &parser)
{
    auto config = options.config(parser);
    if (!config)
        return config.error();
    auto now = options.now(parser);
    if (!now)
        return now.error();
    auto workspace = engine::Workspace::open(*config);
    if (!workspace)
        return workspace.error();
    OpenWorkspace open;
    open.workspace = std::move(*workspace);
    open.now = *now;
    // A fixed now belongs to a test or script that steps the cluster itself.
    if (!options.nowIsFixed(parser))
        open.workspace->catchUp();
    if (auto refreshed = open.refresh(); !refreshed)
        return refreshed.error();
    return open;
}

AppTarget openApp(const Command &command, Streams &io, const WorkspaceOptions &options,
    const QCommandLineParser &parser, const std::string &name)
{
    AppTarget target;
    auto open = openWorkspace(options, parser);
    if (!open) {
        target.exitCode = fail(command, io, open.error().toString());
        return target;
    }
    auto app = open->app(name);
    if (!app) {
        target.exitCode = fail(command, io, app.error().toString());
        return target;
    }
    target.open = std::move(*open);
    target.name = name;
    target.app = *app;
    return target;
}

AppTarget openApp(const Command &command, Streams &io, const WorkspaceOptions &options,
    const QCommandLineParser &parser, const QStringList &positional, const QString &message)
{
    if (positional.size() != 1) {
        AppTarget target;
        target.exitCode = usageError(command, io, message);
        return target;
    }
    return openApp(command, io, options, parser, positional.first().toStdString());
}

bool isClusterOption(const QString &argument, bool &takesValue)
{
    for (const QLatin1String name : { QLatin1String("--context"), QLatin1String("--kubeconfig") }) {
        if (argument == name) {
            takesValue = true;
            return true;
        }
        if (argument.startsWith(QString(name) + QLatin1Char('='))) {
            takesValue = false;
            return true;
        }
    }
    return false;
}

int fail(const Command &command, Streams &io, const std::string &message)
{
    io.err << "capstanctl " << command.name() << ": " << message << '\n';
    return ExitFailure;
}

int usageError(const Command &command, Streams &io, const QString &message)
{
    io.err << "capstanctl " << command.name() << ": " << message << "\n\n" << command.usage();
    return ExitUsage;
}

} // namespace capstan::ctl
