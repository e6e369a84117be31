#pragma once

// The values the history store reads and writes. Times are UTC QDateTimes; an
// invalid QDateTime passed in means "now".

#include "manifest/object.h"

#include <QDateTime>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace capstan::history {

// What an operation does. Sync, AutoSync and Rollback apply manifests to a
// cluster and, once finished (and not a dry run), are history entries. The
// others change Git and are recorded as operations only.
enum class OperationKind { Sync, AutoSync, Rollback, Revert, Promote, SetImage };

// Argo CD's operation phases, plus Interrupted: begun, never finished (a crash),
// and acknowledged with markInterrupted().
enum class OperationPhase { Running, Terminating, Succeeded, Failed, Error, Interrupted };

// Argo CD's per-resource sync result status.
enum class ResourceStatus { Synced, SyncFailed, Pruned, PruneSkipped };

const char *toString(OperationKind kind);
const char *toString(OperationPhase phase);
const char *toString(ResourceStatus status);
std::optional<OperationKind> operationKindFromString(const std::string &text);
std::optional<OperationPhase> operationPhaseFromString(const std::string &text);
std::optional<ResourceStatus> resourceStatusFromString(const std::string &text);

// Running and Terminating: the operation is (or was, before a crash) under way.
bool isUnfinished(OperationPhase phase);
// Kinds whose finished, non-dry-run operations are history entries.
bool isHistoryKind(OperationKind kind);

struct ResourceResult
{
    manifest::ResourceId resource;
    ResourceStatus status = ResourceStatus::Synced;
    std::string message;

    bool operator==(const ResourceResult &) const = default;
};

// Everything known before an operation starts; written before it does.
struct OperationStart
{
    std::string app;
    OperationKind kind = OperationKind::Sync;
    std::string revision; // the commit id
    std::string sourcePath; // the application's path in the repository
    std::string initiatedBy; // a user name, or "automated"
    std::string approvalNote;
    std::vector<std::string> approvers;
    bool dryRun = false;
    bool prune = false;
    std::vector<manifest::ResourceId> selectedResources; // empty: all of the application
    QDateTime startedAt;
};

// A report while the operation runs. The results replace the stored ones.
struct OperationProgress
{
    OperationPhase phase = OperationPhase::Running; // Running or Terminating
    std::string message;
    std::vector<ResourceResult> resources;
};

struct OperationFinish
{
    OperationPhase phase = OperationPhase::Succeeded; // Succeeded, Failed or Error
    std::string message;
    QDateTime finishedAt;
    std::vector<ResourceResult> resources;
    // The rendered YAML stream that was applied. The caller masks Secret values;
    // the store masks whatever is left of them again before writing.
    std::string appliedManifests;
};

// An operation as stored.
struct Operation
{
    std::int64_t id = 0;
    std::string app;
    OperationKind kind = OperationKind::Sync;
    std::string revision;
    std::string sourcePath;
    std::string initiatedBy;
    std::string approvalNote;
    std::vector<std::string> approvers;
    bool dryRun = false;
    bool prune = false;
    std::vector<manifest::ResourceId> selectedResources;
    QDateTime startedAt;
    OperationPhase phase = OperationPhase::Running;
    std::string message;
    QDateTime finishedAt; // invalid while unfinished
    std::vector<ResourceResult> resources;
    std::string appliedManifests; // empty unless asked for (ManifestText::Include)
    std::int64_t ownerPid = 0; // the process that began it: a live one may still be running it
};

// Whether a read returns the (large) stored manifests.
enum class ManifestText { Omit, Include };

struct BadMark
{
    std::string app;
    std::string revision;
    std::optional<std::int64_t> historyId; // the entry it was marked from, while that is kept
    std::string reason;
    std::string markedBy;
    QDateTime markedAt;
};

// A finished sync: what was deployed, when, by whom, with what result.
struct HistoryEntry
{
    Operation operation;
    std::optional<BadMark> badMark; // set when the entry's revision is marked bad

    std::int64_t id() const { return operation.id; }
    const QDateTime &deployedAt() const { return operation.finishedAt; }
    OperationPhase result() const { return operation.phase; }
};

struct Page
{
    int offset = 0;
    int limit = 50; // <= 0: no limit
};

struct HistoryPage
{
    std::vector<HistoryEntry> entries; // newest first
    int total = 0; // entries of the application in all pages
};

// How much history an application (or, with an empty app, every application
// without a rule of its own) keeps when prune() runs. Unset parts do not limit.
struct RetentionRule
{
    std::string app; // empty: the default for all applications
    std::optional<int> keepLast; // the newest N history entries, N >= 1
    std::optional<int> maxAgeDays; // entries finished within this many days of prune()'s `now`

    bool operator==(const RetentionRule &) const = default;
};

struct AuditEvent
{
    std::int64_t id = 0; // assigned by appendAudit()
    QDateTime time;
    std::string actor;
    std::string app; // empty for events about no single application
    std::string
        action; // "sync-approved", "sync-refused", "rollback", "promote", "revert", "set-image", "mark-bad", ...
    std::string details;
};

// A revision automated sync must not apply (it was rolled back from) until a
// newer commit changes the application.
struct AutoSyncSkip
{
    std::string app;
    std::string revision;
    std::string reason;
    QDateTime skippedAt;
};

// An image an application has run, from its successful history entries.
struct DeployedImage
{
    std::string image; // the reference as written: "repo:tag" or "repo@sha256:..."
    std::string repository;
    std::string tag; // or the digest, "sha256:..."; empty when the reference has neither
    QDateTime firstDeployedAt;
    QDateTime lastDeployedAt;
    std::vector<std::int64_t> historyIds; // newest first
};

} // namespace capstan::history
