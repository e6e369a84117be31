#pragma once

// Argo CD's sync options: the Application's `syncPolicy.syncOptions` strings and the
// per-resource `argocd.argoproj.io/sync-options` annotation.

#include "cluster/cluster.h"
#include "common/result.h"
#include "manifest/object.h"

#include <string>
#include <string_view>
#include <vector>

namespace capstan::sync {

inline constexpr std::string_view SyncOptionsAnnotation = "argocd.argoproj.io/sync-options";
inline constexpr std::string_view CompareOptionsAnnotation = "argocd.argoproj.io/compare-options";

// The application-wide options of one sync operation.
struct SyncOptions
{
    bool createNamespace = false; // CreateNamespace=true
    bool pruneLast = false; // PruneLast=true
    bool applyOutOfSyncOnly = false; // ApplyOutOfSyncOnly=true
    bool serverSideApply = false; // ServerSideApply=true (Argo CD applies client-side by default)
    bool replace = false; // Replace=true
    bool validate = true; // Validate=false turns it off
    bool force = false; // Force=true
    cluster::Propagation prunePropagation = cluster::Propagation::Foreground; // PrunePropagationPolicy=...

    // Reads Argo CD's "Key=value" strings. Options Capstan does not act on (RespectIgnoreDifferences,
    // FailOnSharedResource, ...) are accepted and ignored, as Argo CD ignores unknown ones; a known
    // key with a value it cannot take is an error.
    static capstan::Result<SyncOptions> parse(const std::vector<std::string> &options);
};

// The values of a comma-separated annotation, trimmed, empty ones dropped.
std::vector<std::string> annotationValues(const manifest::Object &object, std::string_view key);

// Whether the object's sync-options annotation lists `option` ("Prune=false", "Replace=true").
bool hasResourceOption(const manifest::Object &object, std::string_view option);

} // namespace capstan::sync
