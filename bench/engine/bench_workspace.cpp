#include "bench_workspace.h"

#include "bench_repository.h"
#include "git/repository.h"

#include <QDir>
#include <QFile>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>

namespace capstan::bench {

namespace {

constexpr const char *kRepoURL = "https://git.example.com/shop/deploy.git";

std::string application(const std::string &service, const std::string &env)
{
    return "apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata:\n  name: " + service + "-" + env
        + "\n  namespace: argocd\n  labels:\n    capstan.io/service: " + service
        + "\n    capstan.io/environment: " + env + "\nspec:\n  project: platform\n  source:\n    repoURL: " + kRepoURL
        + "\n    targetRevision: main\n    path: apps/" + service + "/overlays/" + env
        + "\n  destination:\n    server: https://kubernetes.default.svc\n    namespace: " + service + "-" + env
        + "\n  syncPolicy:\n    syncOptions:\n    - CreateNamespace=true\n";
}

std::string root()
{
    return std::string("apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata:\n  name: shop-root\n"
                       "  namespace: argocd\nspec:\n  project: platform\n  source:\n    repoURL: ")
        + kRepoURL
        + "\n    targetRevision: main\n    path: argocd/applications\n    directory:\n      recurse: true\n"
          "  destination:\n    server: https://kubernetes.default.svc\n    namespace: argocd\n";
}

std::string project()
{
    return std::string("apiVersion: argoproj.io/v1alpha1\nkind: AppProject\nmetadata:\n  name: platform\n"
                       "  namespace: argocd\nspec:\n  sourceRepos:\n  - ")
        + kRepoURL
        + "\n  destinations:\n  - server: https://kubernetes.default.svc\n    namespace: '*'\n"
          "  clusterResourceWhitelist:\n  - group: ''\n    kind: Namespace\n"
          "  namespaceResourceWhitelist:\n  - group: '*'\n    kind: '*'\n"
          "  syncWindows:\n  - kind: deny\n    schedule: \"0 16 * * 5\"\n    duration: 62h\n"
          "    applications:\n    - '*-prod'\n    timeZone: Europe/Berlin\n";
}

} // namespace

BenchWorkspace createBenchWorkspace(const QString &dir, int services)
{
    // The overlays are written to a scratch tree, then committed in one go.
    const std::filesystem::path scratch = std::filesystem::path(dir.toStdString() + ".files");
    const auto overlays = writeBenchRepository(scratch, services * 3);

    QList<git::FileChange> changes;
    for (const auto &entry : std::filesystem::recursive_directory_iterator(scratch)) {
        if (!entry.is_regular_file())
            continue;
        QFile file(QString::fromStdString(entry.path().string()));
        if (!file.open(QIODevice::ReadOnly))
            throw std::runtime_error("cannot read " + entry.path().string());
        changes.push_back({QString::fromStdString(std::filesystem::relative(entry.path(), scratch).generic_string()),
                           file.readAll()});
    }
    std::filesystem::remove_all(scratch);

    BenchWorkspace workspace;
    workspace.repositoryPath = dir;
    for (std::size_t i = 0; i < overlays.size(); i += 3) {
        const std::string service = overlays[i].parent_path().parent_path().filename().string();
        std::string file;
        for (const char *env : {"dev", "staging", "prod"}) {
            file += (file.empty() ? "" : "---\n") + application(service, env);
            workspace.applications.push_back(service + "-" + env);
        }
        changes.push_back({QStringLiteral("argocd/applications/%1.yaml").arg(QString::fromStdString(service)),
                           QByteArray::fromStdString(file)});
    }
    changes.push_back({QStringLiteral("argocd/root.yaml"), QByteArray::fromStdString(root())});
    changes.push_back({QStringLiteral("argocd/project.yaml"), QByteArray::fromStdString(project())});

    auto repository = git::Repository::init(dir);
    if (!repository)
        throw std::runtime_error(repository.error().toString());
    const git::Signature author{QStringLiteral("Bench"), QStringLiteral("bench@example.com"), {}};
    auto commit = repository->commit(QStringLiteral("main"), changes, QStringLiteral("The shop"), author);
    if (!commit)
        throw std::runtime_error(commit.error().toString());
    // A repository as a clone has it: packed. libgit2 writes every object
    // loose, and reading thousands of loose files measures the file system.
    const std::string repack = "git -C '" + dir.toStdString() + "' repack -adq 2>/dev/null";
    if (std::system(repack.c_str()) != 0)
        std::fprintf(stderr, "bench: git repack failed; the objects stay loose\n");
    return workspace;
}

} // namespace capstan::bench
