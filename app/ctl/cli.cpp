#include "ctl/cli.h"

#include "common/version.h"
#include "ctl/commands/render_command.h"
#include "ctl/commands/gitops_commands.h"
#include "ctl/commands/history_admin_commands.h"
#include "ctl/commands/app_diff_command.h"
#include "ctl/commands/app_sync_commands.h"
#include "ctl/commands/app_view_commands.h"
#include "ctl/commands/argocd_commands.h"
#include "ctl/commands/demo_command.h"
#include "ctl/commands/proj_windows_command.h"
#include "ctl/commands/resource_health_command.h"
#include "ctl/commands/workspace_options.h"

namespace capstan::ctl {

Cli::Cli()
{
    m_commands.push_back(std::make_unique<RenderCommand>());
    m_commands.push_back(std::make_unique<AppListCommand>());
    m_commands.push_back(std::make_unique<AppGetCommand>());
    m_commands.push_back(std::make_unique<AppDiffCommand>());
    m_commands.push_back(std::make_unique<AppSyncCommand>());
    m_commands.push_back(std::make_unique<AppWaitCommand>());
    m_commands.push_back(std::make_unique<AppTerminateOpCommand>());
    m_commands.push_back(std::make_unique<AppHistoryCommand>());
    m_commands.push_back(std::make_unique<ProjWindowsCommand>());
    m_commands.push_back(std::make_unique<ResourceHealthCommand>());
    m_commands.push_back(std::make_unique<DemoInitCommand>());
    m_commands.push_back(std::make_unique<AppRevertCommand>());
    m_commands.push_back(std::make_unique<AppRollbackCommand>());
    m_commands.push_back(std::make_unique<AppSetImageCommand>());
    m_commands.push_back(std::make_unique<AppImagesCommand>());
    m_commands.push_back(std::make_unique<PromoteCommand>());
    m_commands.push_back(std::make_unique<AppMarkBadCommand>());
    m_commands.push_back(std::make_unique<AppHistoryRetentionCommand>());
    m_commands.push_back(std::make_unique<AppResumeAutoSyncCommand>());
    m_commands.push_back(std::make_unique<ArgoCdAppListCommand>());
    m_commands.push_back(std::make_unique<ArgoCdAppGetCommand>());
    m_commands.push_back(std::make_unique<ArgoCdAppHistoryCommand>());
    m_commands.push_back(std::make_unique<ArgoCdAppSyncCommand>());
    m_commands.push_back(std::make_unique<ArgoCdAppRollbackCommand>());
    m_commands.push_back(std::make_unique<ArgoCdAppTerminateOpCommand>());
}
Cli::~Cli() = default;

QString Cli::help() const
{
    QString text = QStringLiteral("Usage: capstanctl COMMAND [OPTIONS]\n\n"
                                  "Capstan's command line: render, compare and sync GitOps applications.\n\n"
                                  "Commands:\n");
    qsizetype width = 0;
    for (const auto &c : m_commands)
        width = std::max(width, c->name().size());
    for (const auto &c : m_commands)
        text += QStringLiteral("  %1  %2\n").arg(c->name().leftJustified(width), c->summary());
    text += QStringLiteral("\nGlobal options:\n"
                           "  -h, --help     Show this help, or a command's with COMMAND --help\n"
                           "  --version      Print Capstan's version\n"
                           "  --context NAME, --kubeconfig PATH\n"
                           "                 Work on the real cluster of a kubeconfig context instead of the\n"
                           "                 sandbox (any workspace command; see its --help)\n");
    return text;
}

Command *Cli::find(const QStringList &arguments, qsizetype &wordCount) const
{
    Command *best = nullptr;
    wordCount = 0;
    for (const auto &c : m_commands) {
        const QStringList words = c->words();
        if (words.size() > arguments.size() || words.size() <= wordCount)
            continue;
        if (arguments.mid(0, words.size()) == words) {
            best = c.get();
            wordCount = words.size();
        }
    }
    return best;
}

namespace {

// `capstanctl --context prod app list` reads as `capstanctl app list --context prod`.
QStringList withClusterOptionsLast(const QStringList &arguments)
{
    QStringList leading;
    qsizetype i = 0;
    bool takesValue = false;
    while (i < arguments.size() && isClusterOption(arguments[i], takesValue)) {
        const qsizetype count = takesValue && i + 1 < arguments.size() ? 2 : 1;
        leading << arguments.mid(i, count);
        i += count;
    }
    return leading.isEmpty() ? arguments : arguments.mid(i) + leading;
}

} // namespace

int Cli::run(const QStringList &commandLine, std::ostream &out, std::ostream &err)
{
    const QStringList arguments = withClusterOptionsLast(commandLine);
    if (arguments.isEmpty()) {
        err << help();
        return ExitUsage;
    }
    const QString first = arguments.first();
    if (first == QLatin1String("--version") || first == QLatin1String("version")) {
        out << "capstanctl " << capstan::kVersion << "\n";
        return ExitOk;
    }
    if (first == QLatin1String("--help") || first == QLatin1String("-h") || first == QLatin1String("help")) {
        out << help();
        return ExitOk;
    }
    qsizetype wordCount = 0;
    Command *command = find(arguments, wordCount);
    if (!command) {
        err << QStringLiteral("capstanctl: unknown command '%1'\n\n").arg(arguments.join(QLatin1Char(' ')));
        err << help();
        return ExitUsage;
    }
    const QStringList rest = arguments.mid(wordCount);
    if (rest.contains(QLatin1String("--help")) || rest.contains(QLatin1String("-h"))) {
        out << command->usage();
        return ExitOk;
    }
    Streams io{out, err};
    return command->run(rest, io);
}

} // namespace capstan::ctl
