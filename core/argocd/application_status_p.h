#pragma once

#include "manifest/object.h"

#include <string>
#include <vector>

namespace capstan::argocd::detail {

// The names of the Applications an Application manages (its status.resources entries of
// kind argoproj.io/Application): its children in an app-of-apps tree.
std::vector<std::string> childApplications(const manifest::Object &application);

} // namespace capstan::argocd::detail
