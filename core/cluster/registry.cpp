#include "cluster/registry.h"

#include "cluster/sandbox_core_p.h"

namespace capstan::cluster {

namespace {

std::string normalise(std::string repository)
{
    for (const char *prefix : { "docker.io/library/", "docker.io/", "index.docker.io/library/", "library/" })
        if (repository.rfind(prefix, 0) == 0)
            repository.erase(0, std::char_traits<char>::length(prefix));
    return repository;
}

} // namespace

std::pair<std::string, std::string> ImageRegistry::splitReference(const std::string &image)
{
    if (const auto at = image.find('@'); at != std::string::npos)
        return { normalise(image.substr(0, at)), image.substr(at + 1) };
    const auto slash = image.rfind('/');
    const auto colon = image.rfind(':');
    if (colon != std::string::npos && (slash == std::string::npos || colon > slash))
        return { normalise(image.substr(0, colon)), image.substr(colon + 1) };
    return { normalise(image), "latest" };
}

ApiResult<void> ImageRegistry::addImage(const std::string &repository, const std::vector<std::string> &tags)
{
    std::lock_guard lock(m_core.mutex);
    return m_core.store().addTags(normalise(repository), tags);
}

ApiResult<void> ImageRegistry::markBroken(const std::string &reference, bool broken)
{
    std::lock_guard lock(m_core.mutex);
    const auto [repository, tag] = splitReference(reference);
    return m_core.store().markBroken(repository + ":" + tag, broken);
}

ImageAvailability ImageRegistry::availability(const std::string &image) const
{
    std::lock_guard lock(m_core.mutex);
    const auto [repository, tag] = splitReference(image);
    if (auto broken = m_core.store().isBroken(repository + ":" + tag); broken && *broken)
        return ImageAvailability::Broken;
    if (tag.rfind("sha256:", 0) == 0)
        return ImageAvailability::Available;
    auto tags = m_core.store().tagsOf(repository);
    if (tags && *tags && std::find((*tags)->begin(), (*tags)->end(), tag) == (*tags)->end())
        return ImageAvailability::Missing;
    return ImageAvailability::Available;
}

} // namespace capstan::cluster
