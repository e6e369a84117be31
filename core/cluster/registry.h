#pragma once

#include "cluster/api_result.h"

#include <string>
#include <vector>

namespace capstan::cluster {

namespace detail {
class SandboxCore;
}

// What pulling an image from the simulated registry gives.
enum class ImageAvailability {
    Available, // pulls and runs
    Missing, // the repository is known and has no such tag: ErrImagePull, then ImagePullBackOff
    Broken, // pulls, then the container exits at once: CrashLoopBackOff
};

// The sandbox's image registry, stored in the sandbox file. Every image is available
// unless its repository was given an explicit tag list (then other tags are Missing) or
// the reference was marked broken. References are "repo/name:tag"; no tag means "latest";
// "docker.io/" and "docker.io/library/" prefixes are ignored.
class ImageRegistry
{
public:
    explicit ImageRegistry(detail::SandboxCore &core)
        : m_core(core)
    {
    }

    ApiResult<void> addImage(const std::string &repository, const std::vector<std::string> &tags);
    ApiResult<void> markBroken(const std::string &reference, bool broken = true);
    ImageAvailability availability(const std::string &image) const;

    // "nginx:1.25" → {"nginx", "1.25"}; digests ("@sha256:...") are kept as the tag.
    static std::pair<std::string, std::string> splitReference(const std::string &image);

private:
    detail::SandboxCore &m_core;
};

} // namespace capstan::cluster
