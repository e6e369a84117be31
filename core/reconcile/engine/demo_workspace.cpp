#include "reconcile/engine/demo_workspace.h"

#include "reconcile/engine/sync_controller.h"

#include <map>
#include <set>

namespace capstan::engine {

Result<demo::DemoRepository> initDemoWorkspace(const QString &dir, const QDateTime &now)
{
    auto demo = demo::createDemoRepository(dir, now);
    if (!demo)
        return demo.error();
    auto ws = Workspace::open({demo->path, {}, {}, ClockMode::Simulated});
    if (!ws)
        return ws.error();

    std::map<std::string, std::set<std::string>> tags;
    for (const QString &image : demo->knownImages) {
        const auto [repository, tag] = cluster::ImageRegistry::splitReference(image.toStdString());
        tags[repository].insert(tag);
    }
    for (const auto &[repository, list] : tags) {
        if (auto added = (*ws)->sandbox()->registry().addImage(repository, {list.begin(), list.end()}); !added)
            return Error(added.error());
    }
    for (const QString &image : demo->brokenImages) {
        if (auto marked = (*ws)->sandbox()->registry().markBroken(image.toStdString()); !marked)
            return Error(marked.error());
    }

    // The sandbox plays a cluster with Argo CD installed: its namespace exists.
    manifest::Object argocd(manifest::Node::map());
    argocd.root().set("apiVersion", manifest::Node::string("v1"));
    argocd.root().set("kind", manifest::Node::string("Namespace"));
    argocd.setName("argocd");
    if (auto created = (*ws)->cluster().apply(argocd, {"argocd-install", false, false, true, false}); !created)
        return Error(created.error());

    auto snapshot = (*ws)->reconciler().refresh(now);
    if (!snapshot)
        return snapshot.error();
    for (const AppState &app : (*snapshot)->apps) {
        SyncCommand command;
        command.app = app.name;
        command.initiatedBy = app.automated ? "automated" : "Ravi Iyer";
        command.trigger = app.automated ? argo::SyncTrigger::Automated : argo::SyncTrigger::Manual;
        command.request.prune = true;
        if (!app.automated) {
            // Production runs the release before the newest one, approved when it shipped.
            command.revision = demo->prodRevision;
            command.approvalNote = "Release approved in the weekly change review.";
            command.approvers = {"Ravi Iyer"};
        }
        auto op = startSync(**ws, command, now);
        if (!op)
            return op.error();
        const sync::OperationState state = (*op)->run();
        if (state.phase != sync::OperationPhase::Succeeded)
            return makeError("the demo's initial sync of " + app.name + " ended " + sync::toString(state.phase) +
                             ": " + state.message);
    }
    (*ws)->letTimePass(std::chrono::seconds(120));
    return demo;
}

} // namespace capstan::engine
