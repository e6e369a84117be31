#pragma once

#include "kustomize/set_image.h"
#include "reconcile/gitops/git_change.h"
#include "reconcile/history/history_types.h"

namespace capstan::gitops {

// What a Git change is, in its commit message's first word.
enum class MessageKind { Rollback, Release, Promote };
const char *toString(MessageKind kind);
std::optional<MessageKind> messageKindFromString(const std::string &text);

// The service and environment an application deploys: its capstan.io/service and
// capstan.io/environment labels, else its name split as "<service>-<env>".
struct ServiceEnvironment
{
    std::string service;
    std::string environment;
};
ServiceEnvironment serviceEnvironment(const engine::AppState &app);
// How a commit message names an environment ("prod" reads "production").
std::string environmentWords(const std::string &environment);

// The kustomization file of the application's source path at the branch tip
// ("k8s/overlays/prod/order-service/kustomization.yaml").
Result<QString> overlayKustomization(engine::Workspace &workspace, const std::string &app);

// The images entries of kustomization text, fields as written (absent: nullopt).
Result<std::vector<kustomize::ImageOverride>> imageEntries(const std::string &text, const std::string &file);

// How a message names an image's version: its tag, else its digest (shortened), else its name.
std::string imageTag(const kustomize::ImageOverride &image);

// "IMAGE=TAG" (IMAGE: the images entry's name, or its last path segment), and
// every form `kustomize edit set image` takes ("name=newName:tag", "name:tag", "name@digest").
Result<kustomize::ImageOverride> parseImageArgument(const std::string &text);

// Sets an image in the application's overlay kustomization (`kustomize edit set
// image` semantics, every other byte kept) and commits
// "rollback: order-service to v1.1.0", "release: order-service v1.2.1 to production"
// or "promote: order-service v1.2.1 to staging".
Result<CommitResult> setImage(engine::Workspace &workspace, const std::string &app,
    const kustomize::ImageOverride &image, MessageKind kind, const CommitOptions &options = {});

// One image an application has run, from its history.
struct ImageRun
{
    std::string app;
    std::string environment;
    history::DeployedImage image;
    bool wanted = false; // Git wants it now
    std::optional<history::BadMark> badMark; // a history entry that ran it is marked bad
};

// The images each environment of a service (or one application) has run, most
// recently deployed first within each application, applications by name.
Result<std::vector<ImageRun>> imageHistory(engine::Workspace &workspace, const std::string &appOrService);

// The image a rollback picker proposes for `app`: the most recently deployed one
// that Git does not want now and that is not marked bad.
const ImageRun *suggestedRollbackImage(const std::vector<ImageRun> &runs, const std::string &app);

// A bad mark on a history entry of `app` or on a revision.
struct BadTarget
{
    std::optional<std::int64_t> historyId;
    std::string revision; // used when historyId is unset; resolved through Git
};
Result<void> markBad(engine::Workspace &workspace, const std::string &app, const BadTarget &target,
    const std::string &reason, const std::string &markedBy = {});
// Marks every history entry of `app` that ran the image ("repo:tag" or just the tag) bad.
// Returns how many entries were marked.
Result<int> markImageBad(engine::Workspace &workspace, const std::string &app, const std::string &image,
    const std::string &reason, const std::string &markedBy = {});

} // namespace capstan::gitops
