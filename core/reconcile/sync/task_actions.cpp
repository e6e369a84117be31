#include "reconcile/sync/task_actions_p.h"

#include "reconcile/health/health.h"

#include <QByteArray>

#include <algorithm>
#include <cctype>
#include <set>

namespace capstan::sync::detail {

namespace {

using manifest::Object;

bool plannedNamespace(const SyncPlan &plan, const std::string &ns)
{
    return std::any_of(plan.tasks.begin(), plan.tasks.end(), [&](const SyncTask &t) {
        return t.target && t.target->group().empty() && t.target->kind() == "Namespace" && t.target->name() == ns;
    });
}

bool plannedKind(const SyncPlan &plan, const std::string &group, const std::string &kind)
{
    return std::any_of(plan.tasks.begin(), plan.tasks.end(), [&](const SyncTask &t) {
        return t.target && t.target->kind() == "CustomResourceDefinition"
            && t.target->root().textAt({ "spec", "group" }) == group
            && t.target->root().textAt({ "spec", "names", "kind" }) == kind;
    });
}

// kubectl's name for an object: "deployment.apps/web", "configmap/settings".
std::string kubectlName(const Object &o)
{
    std::string kind = o.kind();
    std::transform(
        kind.begin(), kind.end(), kind.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return kind + (o.group().empty() ? "" : "." + o.group()) + "/" + o.name();
}

bool isAlnum(char c)
{
    return std::isalnum(static_cast<unsigned char>(c)) != 0;
}

void maskToken(std::string &text, const std::string &value)
{
    if (value.empty())
        return;
    static const std::string mask = "++++++++";
    std::size_t at = 0;
    while ((at = text.find(value, at)) != std::string::npos) {
        const bool startsToken = at == 0 || !isAlnum(text[at - 1]) || !isAlnum(value.front());
        const std::size_t end = at + value.size();
        const bool endsToken = end >= text.size() || !isAlnum(text[end]) || !isAlnum(value.back());
        if (startsToken && endsToken) {
            text.replace(at, value.size(), mask);
            at += mask.size();
        } else {
            at = end;
        }
    }
}

} // namespace

std::string describe(const SyncTask &task)
{
    const Object &o = task.object();
    return o.group() + "/" + o.kind() + "/" + o.name();
}

std::string redact(std::string message, const Object &object)
{
    if (!(object.group().empty() && object.kind() == "Secret"))
        return message;
    std::set<std::string> values;
    if (const manifest::Node *data = object.root().find("data"); data && data->isMap())
        for (const auto &entry : data->entries()) {
            values.insert(entry.value.text());
            const QByteArray decoded = QByteArray::fromBase64(QByteArray::fromStdString(entry.value.text()));
            values.insert(decoded.toStdString());
        }
    if (const manifest::Node *data = object.root().find("stringData"); data && data->isMap())
        for (const auto &entry : data->entries())
            values.insert(entry.value.text());
    // Longest first, so a value containing another is masked whole.
    std::vector<std::string> ordered(values.begin(), values.end());
    std::sort(ordered.begin(), ordered.end(), [](const auto &a, const auto &b) { return a.size() > b.size(); });
    for (const std::string &value : ordered)
        maskToken(message, value);
    return message;
}

Outcome applyTask(cluster::Cluster &cluster, const SyncPlan &plan, const SyncTask &task, bool dryRun)
{
    const Object &target = *task.target;
    cluster::ApplyOptions options;
    options.fieldManager = "capstan";
    options.dryRun = dryRun;
    options.serverSide = (plan.options.serverSideApply || hasResourceOption(target, "ServerSideApply=true"))
        && !hasResourceOption(target, "ServerSideApply=false");
    // Argo CD applies server-side with --force-conflicts: Git wins over other managers.
    options.force = plan.options.force || hasResourceOption(target, "Force=true") || options.serverSide;
    // Replacing a Namespace or a CRD would delete what is in it; those are updated instead.
    const bool keepsContents = target.kind() == "Namespace" || target.kind() == "CustomResourceDefinition";
    options.replace = (plan.options.replace || hasResourceOption(target, "Replace=true"))
        && !hasResourceOption(target, "Replace=false") && !keepsContents;

    const auto before = cluster.get(task.key());
    const std::string suffix = dryRun ? " (dry run)" : "";
    auto applied = cluster.apply(target, options);
    Outcome out;
    if (!applied) {
        const auto &error = applied.error();
        const bool tolerated = dryRun && error.code == cluster::ErrorCode::NotFound
            && (plannedNamespace(plan, target.ns()) || plannedKind(plan, target.group(), target.kind()));
        if (!tolerated) {
            out.code = ResultCode::SyncFailed;
            out.message = redact(error.message, target);
            return out;
        }
        out.message = kubectlName(target) + " created" + suffix;
        return out;
    }
    std::string verb = "created";
    if (before.ok())
        verb = before->root().textAt({ "metadata", "resourceVersion" })
                == applied->root().textAt({ "metadata", "resourceVersion" })
            ? "unchanged"
            : "configured";
    out.message = kubectlName(target) + " " + verb + suffix;
    if (!dryRun)
        out.live = std::move(*applied);
    return out;
}

Outcome pruneTask(cluster::Cluster &cluster, const SyncPlan &plan, const SyncTask &task, bool dryRun)
{
    Outcome out;
    if (!plan.prune) {
        out.code = ResultCode::PruneSkipped;
        out.message = "ignored (requires pruning)";
        return out;
    }
    if (hasResourceOption(*task.live, "Prune=false")) {
        out.code = ResultCode::PruneSkipped;
        out.message = "ignored (no prune)";
        return out;
    }
    out.code = ResultCode::Pruned;
    if (dryRun) {
        out.message = "pruned (dry run)";
        return out;
    }
    auto removed = cluster.remove(task.key(), plan.options.prunePropagation);
    if (!removed && removed.code() != cluster::ErrorCode::NotFound) {
        out.code = ResultCode::SyncFailed;
        out.message = redact(removed.error().message, *task.live);
        return out;
    }
    out.message = "pruned";
    return out;
}

Progress hookProgress(const Object &live)
{
    Progress p { OperationPhase::Succeeded, live.name() + " created" };
    if (const auto h = health::assess(live)) {
        switch (h->status) {
        case health::HealthStatus::Unknown:
        case health::HealthStatus::Degraded:
            p.phase = OperationPhase::Failed;
            p.message = h->message;
            break;
        case health::HealthStatus::Progressing:
        case health::HealthStatus::Suspended:
            p.phase = OperationPhase::Running;
            p.message = h->message;
            break;
        case health::HealthStatus::Healthy:
            p.message = h->message;
            break;
        case health::HealthStatus::Missing:
            break;
        }
    }
    p.message = redact(std::move(p.message), live);
    return p;
}

Progress resourceProgress(const Object &live)
{
    const auto h = health::assess(live);
    if (!h)
        return Progress { OperationPhase::Succeeded, {} };
    OperationPhase phase = OperationPhase::Running;
    if (h->status == health::HealthStatus::Healthy)
        phase = OperationPhase::Succeeded;
    else if (h->status == health::HealthStatus::Degraded)
        phase = OperationPhase::Failed;
    return Progress { phase, redact(h->message, live) };
}

} // namespace capstan::sync::detail
