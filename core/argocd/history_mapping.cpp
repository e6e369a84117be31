#include "argocd/history_mapping_p.h"

#include "argocd/status_fields_p.h"

#include <QString>
#include <QStringList>

#include <algorithm>

namespace capstan::argocd::detail {

using manifest::Node;

namespace {

std::string initiatorOf(const Node *initiatedBy)
{
    if (flagOf(initiatedBy, "automated"))
        return automatedInitiator;
    return textOf(initiatedBy, "username");
}

// The application's path in the repository: source.path, else the first of sources.
std::string sourcePathOf(const Node *holder)
{
    if (const Node *source = holder && holder->isMap() ? holder->find("source") : nullptr)
        return textOf(source, "path");
    const auto &sources = itemsAt(holder, "sources");
    return sources.empty() ? std::string() : textOf(&sources.front(), "path");
}

std::string revisionOf(const Node *holder)
{
    std::string revision = textOf(holder, "revision");
    if (const auto revisions = stringsAt(holder, "revisions"); revision.empty() && !revisions.empty())
        revision = revisions.front();
    return revision;
}

// A sync result's status. Hook results may carry only hookPhase; one that has not failed
// counts as Synced. An unknown status reads as SyncFailed: not known to have worked.
history::ResourceStatus resultStatusOf(const Node &item)
{
    const std::string status = textOf(&item, "status");
    if (status.empty()) {
        const std::string hookPhase = textOf(&item, "hookPhase");
        return hookPhase == "Failed" || hookPhase == "Error" ? history::ResourceStatus::SyncFailed
                                                             : history::ResourceStatus::Synced;
    }
    return history::resourceStatusFromString(status).value_or(history::ResourceStatus::SyncFailed);
}

std::vector<std::string> splitApprovers(const std::string &text)
{
    std::vector<std::string> out;
    for (const QString &part : QString::fromStdString(text).split(',', Qt::SkipEmptyParts)) {
        if (const QString name = part.trimmed(); !name.isEmpty())
            out.push_back(name.toStdString());
    }
    return out;
}

} // namespace

void readOperation(const Node *operation, history::Operation &into)
{
    const Node *sync = operation && operation->isMap() ? operation->find("sync") : nullptr;
    into.initiatedBy = initiatorOf(operation ? operation->find("initiatedBy") : nullptr);
    into.kind
        = into.initiatedBy == automatedInitiator ? history::OperationKind::AutoSync : history::OperationKind::Sync;
    into.revision = revisionOf(sync);
    into.sourcePath = sourcePathOf(sync);
    into.dryRun = flagOf(sync, "dryRun");
    into.prune = flagOf(sync, "prune");
    for (const Node &item : itemsAt(sync, "resources")) {
        manifest::ResourceId id;
        id.group = textOf(&item, "group");
        id.kind = textOf(&item, "kind");
        id.ns = textOf(&item, "namespace");
        id.name = textOf(&item, "name");
        into.selectedResources.push_back(id);
    }
    for (const Node &item : itemsAt(operation, "info")) {
        const std::string name = textOf(&item, "name");
        if (name == approvalNoteInfo)
            into.approvalNote = textOf(&item, "value");
        else if (name == approversInfo)
            into.approvers = splitApprovers(textOf(&item, "value"));
        else if (name == rollbackInfo)
            into.kind = history::OperationKind::Rollback;
    }
}

std::vector<history::HistoryEntry> historyOf(const manifest::Object &application)
{
    std::vector<history::HistoryEntry> out;
    const Node *status = application.root().at({ "status" });
    for (const Node &item : itemsAt(status, "history")) {
        history::Operation &op = out.emplace_back().operation;
        op.app = application.name();
        op.id = QString::fromStdString(textOf(&item, "id")).toLongLong();
        op.revision = revisionOf(&item);
        op.sourcePath = sourcePathOf(&item);
        op.initiatedBy = initiatorOf(item.isMap() ? item.find("initiatedBy") : nullptr);
        op.kind
            = op.initiatedBy == automatedInitiator ? history::OperationKind::AutoSync : history::OperationKind::Sync;
        op.finishedAt = timeOf(&item, "deployedAt");
        op.startedAt = timeOf(&item, "deployStartedAt");
        op.phase = history::OperationPhase::Succeeded;
    }
    // Argo CD appends, so the newest is last; Capstan's history lists newest first.
    std::stable_sort(out.begin(), out.end(),
        [](const history::HistoryEntry &a, const history::HistoryEntry &b) { return a.id() > b.id(); });
    return out;
}

std::optional<history::Operation> operationStateOf(const manifest::Object &application)
{
    const Node *state = application.root().at({ "status", "operationState" });
    if (!state || !state->isMap())
        return std::nullopt;
    history::Operation op;
    op.app = application.name();
    readOperation(state->find("operation"), op);
    // An unknown phase reads as Error: the operation is over, and not known to have worked.
    op.phase = history::operationPhaseFromString(textOf(state, "phase")).value_or(history::OperationPhase::Error);
    op.message = textOf(state, "message");
    op.startedAt = timeOf(state, "startedAt");
    op.finishedAt = timeOf(state, "finishedAt");
    const Node *result = state->find("syncResult");
    if (const std::string revision = textOf(result, "revision"); !revision.empty())
        op.revision = revision; // the commit the revision resolved to
    for (const Node &item : itemsAt(result, "resources")) {
        history::ResourceResult r;
        r.resource.group = textOf(&item, "group");
        r.resource.version = textOf(&item, "version");
        r.resource.kind = textOf(&item, "kind");
        r.resource.ns = textOf(&item, "namespace");
        r.resource.name = textOf(&item, "name");
        r.status = resultStatusOf(item);
        r.message = textOf(&item, "message");
        op.resources.push_back(std::move(r));
    }
    return op;
}

} // namespace capstan::argocd::detail
