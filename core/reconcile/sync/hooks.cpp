#include "reconcile/sync/hooks.h"

#include "reconcile/sync/sync_options.h"

#include <algorithm>
#include <cctype>
#include <charconv>

namespace capstan::sync {

namespace {

bool parseInt(const std::string &text, int &out)
{
    const char *begin = text.data();
    const char *end = text.data() + text.size();
    if (begin != end && *begin == '+')
        ++begin;
    const auto [ptr, ec] = std::from_chars(begin, end, out);
    return ec == std::errc() && ptr == end && begin != end;
}

} // namespace

std::vector<SyncPhase> syncPhasesOf(const manifest::Object &object)
{
    const std::vector<std::string> types = annotationValues(object, HookAnnotation);
    if (types.empty())
        return { SyncPhase::Sync };
    std::vector<SyncPhase> phases;
    bool skip = false;
    for (const std::string &type : types) {
        std::optional<SyncPhase> phase;
        if (type == "PreSync")
            phase = SyncPhase::PreSync;
        else if (type == "Sync")
            phase = SyncPhase::Sync;
        else if (type == "PostSync")
            phase = SyncPhase::PostSync;
        else if (type == "SyncFail")
            phase = SyncPhase::SyncFail;
        else if (type == "Skip")
            skip = true;
        if (phase && std::find(phases.begin(), phases.end(), *phase) == phases.end())
            phases.push_back(*phase);
    }
    // "Skip" alone skips the object; next to real hook types it is ignored, as in Argo CD.
    if (skip && phases.empty())
        return {};
    std::sort(phases.begin(), phases.end());
    return phases;
}

bool isHook(const manifest::Object &object)
{
    const std::vector<std::string> types = annotationValues(object, HookAnnotation);
    if (types.empty())
        return false;
    return !syncPhasesOf(object).empty();
}

std::vector<HookDeletePolicy> deletePoliciesOf(const manifest::Object &object)
{
    std::vector<HookDeletePolicy> policies;
    for (const std::string &text : annotationValues(object, HookDeletePolicyAnnotation)) {
        if (text == "HookSucceeded")
            policies.push_back(HookDeletePolicy::HookSucceeded);
        else if (text == "HookFailed")
            policies.push_back(HookDeletePolicy::HookFailed);
        else if (text == "BeforeHookCreation")
            policies.push_back(HookDeletePolicy::BeforeHookCreation);
    }
    if (policies.empty())
        policies.push_back(HookDeletePolicy::BeforeHookCreation);
    return policies;
}

int waveOf(const manifest::Object &object)
{
    int wave = 0;
    for (const std::string_view key : { SyncWaveAnnotation, std::string_view("helm.sh/hook-weight") }) {
        const std::string text = object.root().textAt({ "metadata", "annotations", key });
        if (!text.empty() && parseInt(text, wave))
            return wave;
    }
    return 0;
}

std::string hookName(const std::string &generateName, const std::string &revision, SyncPhase phase,
    std::chrono::system_clock::time_point startedAt)
{
    const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(startedAt.time_since_epoch()).count();
    std::string postfix = (revision.size() >= 8 ? revision.substr(0, 7) : revision) + "-" + toString(phase) + "-"
        + std::to_string(seconds);
    std::transform(postfix.begin(), postfix.end(), postfix.begin(),
        [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return generateName + postfix;
}

} // namespace capstan::sync
