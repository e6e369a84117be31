#pragma once

#include "ctl/command.h"
#include "reconcile/engine/workspace.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QDateTime>

#include <memory>
#include <optional>
#include <string>

namespace capstan::ctl {

// The options every workspace command shares: which repository, where its
// data lives, which branch, which cluster (the sandbox, or a kubeconfig
// context), and (for tests and scripts) the time the command takes as now.
class WorkspaceOptions final
{
public:
    void addTo(QCommandLineParser &parser) const;
    // Usage lines describing the options, for a command's usage text.
    static QString usage();

    // Reads the flags (which win), then `.capstan.yaml` at the repository's
    // root, then ~/.config/capstan/capstanctl.yaml. Errors say which file.
    Result<engine::WorkspaceConfig> config(const QCommandLineParser &parser) const;
    // --now when given, else the wall clock.
    Result<QDateTime> now(const QCommandLineParser &parser) const;
    bool nowIsFixed(const QCommandLineParser &parser) const { return parser.isSet(m_now); }

private:
    QCommandLineOption m_repo { QStringLiteral("repo"), QString(), QStringLiteral("PATH") };
    QCommandLineOption m_data { QStringLiteral("data"), QString(), QStringLiteral("DIR") };
    QCommandLineOption m_branch { QStringLiteral("branch"), QString(), QStringLiteral("BRANCH") };
    QCommandLineOption m_now { QStringLiteral("now"), QString(), QStringLiteral("ISO8601") };
    QCommandLineOption m_context { QStringLiteral("context"), QString(), QStringLiteral("NAME") };
    QCommandLineOption m_kubeconfig { QStringLiteral("kubeconfig"), QString(), QStringLiteral("PATH") };
};

// Whether `argument` is one of the cluster options (--context, --kubeconfig)
// that capstanctl also takes before the command's words, as kubectl does;
// `takesValue`: the next argument is its value.
bool isClusterOption(const QString &argument, bool &takesValue);

// An open workspace, refreshed once.
struct OpenWorkspace
{
    std::unique_ptr<engine::Workspace> workspace;
    std::shared_ptr<const engine::WorkspaceSnapshot> snapshot;
    QDateTime now;

    // Refreshes again at `now` (after time passed or a sync).
    Result<void> refresh();
    // The named application, or an error naming it.
    Result<const engine::AppState *> app(const std::string &name) const;
};

// Opens the workspace the options select, lets the simulated sandbox catch up
// with the wall clock (not when --now fixes the time) and refreshes.
Result<OpenWorkspace> openWorkspace(const WorkspaceOptions &options, const QCommandLineParser &parser);

// The one application a command acts on, in its freshly opened workspace.
struct AppTarget
{
    // ExitOk when found; else the exit code, the error already printed.
    int exitCode = ExitOk;
    OpenWorkspace open;
    std::string name;
    const engine::AppState *app = nullptr;
};

// Opens the workspace and finds the application `name`; prints the failure
// (exit code ExitFailure) when either step fails.
AppTarget openApp(const Command &command, Streams &io, const WorkspaceOptions &options,
    const QCommandLineParser &parser, const std::string &name);
// The same for the one NAME in `positional`; a usage error with `message`
// (exit code ExitUsage) unless there is exactly one.
AppTarget openApp(const Command &command, Streams &io, const WorkspaceOptions &options,
    const QCommandLineParser &parser, const QStringList &positional,
    const QString &message = QStringLiteral("expected one application name"));

// Prints "capstanctl <command>: <message>" on stderr; returns ExitFailure.
int fail(const Command &command, Streams &io, const std::string &message);
// Prints a usage error and the command's usage; returns ExitUsage.
int usageError(const Command &command, Streams &io, const QString &message);

} // namespace capstan::ctl
