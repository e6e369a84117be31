#pragma once

#include "kustomize/render.h"

#include <ostream>
#include <string>

namespace capstan::ctl {

// What `capstanctl render` prints: kustomize's warnings on stderr, then the
// YAML on stdout; or one line "capstanctl render: <error>" on stderr. Shared by
// the command and by capstanctl's own fast path, so both print the same bytes.
int printRender(const kustomize::RenderOutcome &result, std::ostream &out, std::ostream &err);
int printRenderError(const std::string &message, std::ostream &err);

} // namespace capstan::ctl
