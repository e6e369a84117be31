#pragma once

#include <QString>

#include <string>
#include <vector>

// The GitOps repository the engine benchmark refreshes: the render benchmark's
// services (base plus dev/staging/prod overlays with patches, images and a
// generator), one argocd/applications/<service>.yaml with an Application per
// environment, an app-of-apps root and the project they belong to.
namespace capstan::bench {

struct BenchWorkspace
{
    QString repositoryPath;
    std::vector<std::string> applications; // "<service>-<environment>", without the root
};

// Creates the repository at dir (which must not exist) with one commit on main,
// packed with `git repack` when git is installed.
// Throws std::runtime_error on failure: a half-made workspace gives meaningless numbers.
BenchWorkspace createBenchWorkspace(const QString &dir, int services);

// Fills the sandbox cluster at db with what Git wants for every application but
// every 20th (left Missing); every 20th + 1 is then changed by someone else
// (OutOfSync). Prints what it did; throws std::runtime_error on failure.
void populateSandbox(const std::string &db, const BenchWorkspace &workspace);

} // namespace capstan::bench
