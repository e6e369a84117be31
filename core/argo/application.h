#pragma once

#include "argo/condition.h"
#include "argo/object_meta.h"
#include "common/result.h"
#include "manifest/object.h"

#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace capstan::argo {

// spec.source.directory: plain YAML files. `jsonnet` is read past and ignored.
struct DirectoryOptions
{
    bool recurse = false;
    std::string include; // a glob or "{a.yaml,b.yaml}", as Argo CD takes it
    std::string exclude;
};

// spec.source.kustomize.replicas[]
struct KustomizeReplica
{
    std::string name;
    std::int64_t count = 0;
};

// spec.source.kustomize: options Argo CD layers on top of the kustomization.
struct KustomizeOptions
{
    std::vector<std::string> images; // kustomize edit set image syntax: "name=newName:tag", "name:tag"
    std::string namePrefix;
    std::string nameSuffix;
    std::string ns;
    std::map<std::string, std::string> commonLabels;
    std::map<std::string, std::string> commonAnnotations;
    std::vector<KustomizeReplica> replicas;
};

struct ApplicationSource
{
    std::string repoURL;
    std::string path;
    std::string targetRevision; // "" means HEAD
    std::string chart; // Helm charts are read, not rendered
    std::optional<DirectoryOptions> directory;
    std::optional<KustomizeOptions> kustomize;
    std::string where; // "file:line:col" of the source in its file
};

struct ApplicationDestination
{
    std::string server;
    std::string name;
    std::string ns;
};

struct AutomatedSync
{
    bool enabled = true; // automated.enabled: false switches it off but keeps the block
    bool prune = false;
    bool selfHeal = false;
    bool allowEmpty = false;
};

enum class PropagationPolicy { Foreground, Background, Orphan };

// spec.syncPolicy.syncOptions: the list as written and the options Capstan acts on.
struct SyncOptions
{
    std::vector<std::string> raw;
    bool createNamespace = false;
    bool pruneLast = false;
    bool applyOutOfSyncOnly = false;
    bool serverSideApply = false;
    bool replace = false;
    bool validate = true;
    PropagationPolicy prunePropagationPolicy = PropagationPolicy::Foreground;

    // The value of "Key=value" in raw (the last one wins), if present.
    std::optional<std::string> value(const std::string &key) const;
};

// spec.syncPolicy.retry, with Argo CD's defaults (5s, factor 2, at most 3m).
struct RetryStrategy
{
    std::int64_t limit = 0; // 0: no retries; negative: retry forever
    std::chrono::milliseconds backoffDuration { 5000 };
    std::int64_t backoffFactor = 2;
    std::chrono::milliseconds backoffMaxDuration { 180000 };

    // How long to wait before retry number `retriesSoFar` (0 for the first):
    // duration × factor^retriesSoFar, capped at backoffMaxDuration.
    std::chrono::milliseconds delayBeforeRetry(int retriesSoFar) const;
};

struct SyncPolicy
{
    std::optional<AutomatedSync> automated;
    SyncOptions options;
    std::optional<RetryStrategy> retry;
};

// spec.ignoreDifferences[]
struct IgnoreDifference
{
    std::string group;
    std::string kind;
    std::string name;
    std::string ns;
    std::vector<std::string> jsonPointers;
    std::vector<std::string> jqPathExpressions;
    std::vector<std::string> managedFieldsManagers;
};

// An Argo CD Application as written in a repository (argoproj.io/v1alpha1).
struct Application
{
    ObjectMeta metadata;
    std::string project = "default";
    // The one source Capstan renders: spec.source, or the first of spec.sources.
    std::optional<ApplicationSource> source;
    // spec.sources as written (empty when spec.source is used).
    std::vector<ApplicationSource> sources;
    ApplicationDestination destination;
    SyncPolicy syncPolicy;
    std::vector<IgnoreDifference> ignoreDifferences;
    std::int64_t revisionHistoryLimit = 10;
    // Problems found while reading that do not stop it being read, such as
    // several sources or a missing destination.
    std::vector<Condition> conditions;
    std::string where; // "file:line:col" of the object

    const std::string &name() const { return metadata.name; }
    bool isAutomated() const { return syncPolicy.automated && syncPolicy.automated->enabled; }
    bool hasErrorCondition() const;
};

// Whether an object is an Argo CD Application (argoproj.io, kind Application).
bool isApplication(const manifest::Object &object);

// Reads an Application. Errors name the place and the field:
// "argocd/applications/frontend.yaml:12:5: spec.destination.namespace: expected a string".
capstan::Result<Application> readApplication(const manifest::Object &object);

} // namespace capstan::argo
