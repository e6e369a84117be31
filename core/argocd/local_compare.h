#pragma once

// Git's side of an Argo CD Application, rendered by Capstan from a local clone.
//
// The Application resource carries Argo CD's verdict (status.sync, status.resources) but
// not the manifests its repo-server rendered, and the Kubernetes API offers no way to ask
// for them. Capstan renders the Application's source itself, from a clone of its
// repository, at the revision Argo CD compared (status.sync.revision), and compares that
// with the live objects, so a reviewer sees what a sync would change.

#include "argo/application.h"
#include "cluster/cluster.h"
#include "common/result.h"
#include "git/repository.h"
#include "manifest/object.h"
#include "reconcile/engine/app_state.h"
#include "reconcile/render/application_source.h"

namespace capstan::argocd {

// The Application's source rendered from `clone` at `revision` (its path replaced by
// `path` when given), as the objects a sync would apply: namespaced objects without a
// namespace get the destination's. Fails naming the commit and the repository when
// the clone does not have it.
capstan::Result<std::vector<manifest::Object>> renderFromClone(const git::Repository &clone,
    cluster::Cluster &cluster, const argo::Application &application, const std::string &revision,
    const std::string &path = {}, render::SourceCache *cache = nullptr);

// Fills the desired and live YAML and the diff of each of `state.resources` (Argo CD's
// status.resources, whose sync status stays Argo CD's). Secret values are masked. Fails,
// changing nothing, when the Application cannot be read, Argo CD has compared no revision
// yet, the clone does not have that commit (the message names it and the repository), the
// source does not render, or the cluster cannot be read.
capstan::Result<void> compareWithClone(const git::Repository &clone, cluster::Cluster &cluster,
    const manifest::Object &application, engine::AppState &state, render::SourceCache *cache = nullptr);

} // namespace capstan::argocd
