#pragma once

#include "argo/condition.h"
#include "argo/sync_window.h"
#include "manifest/object.h"
#include "reconcile/compare/compare.h"
#include "reconcile/health/health.h"

#include <QDateTime>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace capstan::engine {

// One resource of an application as the last refresh saw it. Text fields are
// already masked where they hold Secret values.
struct ResourceState
{
    manifest::ResourceId id;
    compare::ResourceStatus status = compare::ResourceStatus::Synced;
    std::optional<health::Health> health; // none: no health check for this kind, or not live
    std::string desiredYaml;
    std::string liveYaml;
    std::string diff; // unified, live → desired
};

// Where an application stands: what Git wants, what runs, and whether it may sync now.
struct AppState
{
    std::string name;
    std::string project;
    std::string file;        // where the Application is defined ("argocd/applications/frontend.yaml:1:1")
    std::string parent;      // the Application that renders this one ("" for a root)
    std::vector<std::string> children;
    std::map<std::string, std::string> labels;

    std::string repoURL;
    std::string path;
    std::string targetRevision;
    std::string revision;       // the commit id rendered
    std::string revisionSummary; // its subject line
    std::string destinationServer;
    std::string destinationNamespace;

    bool automated = false;
    bool prune = false;
    bool selfHeal = false;

    compare::SyncStatus sync = compare::SyncStatus::Unknown;
    health::HealthStatus health = health::HealthStatus::Unknown;
    std::string healthMessage;
    std::vector<argo::Condition> conditions;
    std::vector<ResourceState> resources;
    std::vector<std::string> images;     // "repo:tag" of the containers Git wants
    std::vector<std::string> liveImages; // "repo:tag" of the containers the cluster runs

    argo::SyncWindowStatus window;
    std::string windowDescription; // "denied until Mon 06:00"
    bool requiresApproval = false;
    int requiredApprovers = 0;

    // Render warnings (kustomize deprecations).
    std::vector<std::string> warnings;
    // Another engine (an Argo CD) reported these conditions and decides itself
    // whether they stop a sync; Capstan shows them and lets it decide.
    bool engineDecides = false;

    bool canSync() const; // no error condition stops it (or engineDecides)
    int count(compare::ResourceStatus status) const;
};

// What a project's approval rule still asks before a person changes an
// application (a manual sync, a rollback): nothing for an automated
// application, a dry run or a project without the rule; else an approval note
// and requiredApprovers (at least one) different, non-empty approver names.
// Shared by every gate (the engine, capstanctl argocd, the console) so each
// words it but none decides it differently.
struct ApprovalCheck
{
    bool needsNote = false;
    int neededApprovers = 0; // when more than givenApprovers, approvers are missing
    int givenApprovers = 0;

    bool passed() const { return !needsNote && givenApprovers >= neededApprovers; }
};
ApprovalCheck checkApproval(const AppState &app, const std::string &note, const std::vector<std::string> &approvers,
    bool dryRun);
// What a check that did not pass misses, as refusals word it ("an approval note",
// "2 different approvers, 1 given"); nullopt when it passed.
std::optional<std::string> missingApproval(const ApprovalCheck &check);

// Everything a refresh found, for every application at once. Immutable once made.
struct WorkspaceSnapshot
{
    QDateTime refreshedAt;
    std::string branch;
    std::string headRevision;
    std::vector<std::string> roots;
    std::vector<AppState> apps; // sorted by name
    std::vector<argo::Condition> errors; // problems not tied to one application

    const AppState *app(const std::string &name) const;
};

} // namespace capstan::engine
