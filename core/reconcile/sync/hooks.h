#pragma once

// Argo CD resource hooks: `argocd.argoproj.io/hook` and `argocd.argoproj.io/hook-delete-policy`.

#include "manifest/object.h"
#include "reconcile/sync/operation_state.h"

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

namespace capstan::sync {

inline constexpr std::string_view HookAnnotation = "argocd.argoproj.io/hook";
inline constexpr std::string_view HookDeletePolicyAnnotation = "argocd.argoproj.io/hook-delete-policy";
inline constexpr std::string_view SyncWaveAnnotation = "argocd.argoproj.io/sync-wave";

enum class HookDeletePolicy {
    HookSucceeded, // deleted when the operation succeeds
    HookFailed, // deleted when the operation fails
    BeforeHookCreation, // an existing copy is deleted before the hook is created (the default)
};

// The phases an object runs in: {Sync} for an ordinary resource, the hook's phases for a
// hook, none for `hook: Skip` (the object is never applied).
std::vector<SyncPhase> syncPhasesOf(const manifest::Object &object);

// Whether the object is a hook (a hook annotation other than Skip alone).
bool isHook(const manifest::Object &object);

// The object's delete policies; BeforeHookCreation when it names none.
std::vector<HookDeletePolicy> deletePoliciesOf(const manifest::Object &object);

// argocd.argoproj.io/sync-wave (helm.sh/hook-weight as a fallback), 0 when absent or not a number.
int waveOf(const manifest::Object &object);

// The name Argo CD gives a hook that has only metadata.generateName:
// generateName + lowercase("<revision[0:7]>-<phase>-<startedAt unix seconds>").
std::string hookName(const std::string &generateName, const std::string &revision, SyncPhase phase,
    std::chrono::system_clock::time_point startedAt);

} // namespace capstan::sync
