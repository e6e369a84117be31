#include "kustomize/parse_cache.h"

#include "kustomize/kustomization.h"
#include "kustomize/resource.h"

#include <vector>

namespace capstan::kustomize {

void clearParseCaches()
{
    ParseCache<Kustomization>::instance().clear();
    ParseCache<std::vector<Resource>>::instance().clear();
    ParseCache<std::vector<manifest::Node>>::instance().clear();
}

} // namespace capstan::kustomize
