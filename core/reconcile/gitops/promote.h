#pragma once

#include "reconcile/gitops/images.h"

namespace capstan::gitops {

struct PromoteOptions
{
    // Top-level kustomization fields copied besides images ("replicas", "patches", ...).
    std::vector<std::string> fields;
    // Required where the target's project asks for approval; recorded in the audit log.
    std::string approvalNote;
    CommitOptions commit;
};

struct PromoteResult
{
    CommitResult change;
    std::string sourceApp;
    std::string targetApp;
    MessageKind kind = MessageKind::Promote; // Release when the target is production
};

// The application of a service in an environment: by the capstan.io/service and
// capstan.io/environment labels, else named "<service>-<env>".
Result<std::string> findApplication(
    engine::Workspace &workspace, const std::string &service, const std::string &environment);

// Copies the images entries (and options.fields) of one environment's overlay
// kustomization to the next one's, editing only those, and commits
// "promote: order-service def5678 to staging" (or "release: ... to production").
Result<PromoteResult> promote(engine::Workspace &workspace, const std::string &service, const std::string &fromEnv,
    const std::string &toEnv, const PromoteOptions &options = {});

// Kustomization text with top-level field `name`'s block taken from `source`
// (removed when source has none); every other line kept.
std::string copyTopLevelField(const std::string &target, const std::string &source, const std::string &name);

} // namespace capstan::gitops
