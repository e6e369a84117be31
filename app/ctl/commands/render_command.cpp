#include "ctl/commands/render_command.h"

#include "ctl/options.h"
#include "ctl/render_output.h"
#include "git/repository.h"
#include "kustomize/render.h"
#include "reconcile/render/kustomize_at_revision.h"

#include <QDir>
#include <QFileInfo>

namespace capstan::ctl {

namespace {

int fail(Streams &io, const std::string &message)
{
    return printRenderError(message, io.err);
}

// The directory as a path relative to the repository's root, whether it was
// given relative to the current folder or already relative to the root.
QString pathInRepository(const git::Repository &repo, const QString &dir)
{
    const QString root = QDir(repo.workdir()).canonicalPath();
    const QFileInfo onDisk(dir);
    if (!root.isEmpty() && onDisk.exists()) {
        const QString relative = QDir(root).relativeFilePath(onDisk.canonicalFilePath());
        if (!relative.startsWith(QLatin1String("..")))
            return relative == QLatin1String(".") ? QString() : relative;
    }
    return QDir::cleanPath(dir);
}

} // namespace

QString RenderCommand::summary() const
{
    return QStringLiteral("Render a kustomization, as `kubectl kustomize DIR` does");
}

QString RenderCommand::usage() const
{
    return QStringLiteral(
        "Usage: capstanctl render [--revision REV [--repo PATH]] DIR\n\n"
        "Prints the kustomization in DIR rendered, byte for byte as `kubectl kustomize DIR`,\n"
        "with kustomize's warnings on stderr. With --revision, renders DIR as it was at a Git\n"
        "revision, read from Git objects without checking anything out.\n\n"
        "Options:\n"
        "  --revision REV   a branch, tag or commit (full or short id, HEAD~2, ...)\n"
        "  --repo PATH      the repository (default: the one containing DIR, or the current folder)\n");
}

int RenderCommand::run(const QStringList &arguments, Streams &io)
{
    QCommandLineParser parser;
    const QCommandLineOption revision(QStringLiteral("revision"), QString(), QStringLiteral("REV"));
    const QCommandLineOption repoOption(QStringLiteral("repo"), QString(), QStringLiteral("PATH"));
    parser.addOptions({revision, repoOption});
    const auto positional = parseArguments(parser, arguments, *this, io);
    if (!positional)
        return ExitUsage;
    if (positional->size() != 1) {
        io.err << "capstanctl render: expected one directory\n\n" << usage();
        return ExitUsage;
    }
    const QString dir = positional->first();

    if (!parser.isSet(revision)) {
        if (parser.isSet(repoOption)) {
            io.err << "capstanctl render: --repo goes with --revision\n";
            return ExitUsage;
        }
        return printRender(kustomize::renderDirectory(dir.toStdString()), io.out, io.err);
    }

    const QString repoPath = parser.isSet(repoOption) ? parser.value(repoOption)
                             : QFileInfo::exists(dir) ? dir
                                                      : QDir::currentPath();
    auto repo = git::Repository::open(repoPath);
    if (!repo)
        return fail(io, repo.error().toString());
    auto snapshot = repo->snapshot(parser.value(revision));
    if (!snapshot)
        return fail(io, snapshot.error().toString());
    auto result = render::renderKustomizationAt(*snapshot, pathInRepository(*repo, dir));
    if (!result)
        return fail(io, result.error().toString());
    return printRender(**result, io.out, io.err);
}

} // namespace capstan::ctl
