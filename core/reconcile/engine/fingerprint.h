#pragma once

#include "argo/application.h"

#include <string>

namespace capstan::engine {

// Texts that are equal exactly when what the Reconciler reads of a definition
// is equal: the keys under which it reuses a render or an assessment from an
// earlier refresh.

// Every field of a source (what a render depends on besides the files).
std::string fingerprint(const argo::ApplicationSource &source);
// Every field of an Application that its assessment reads.
std::string fingerprint(const argo::Application &application);

} // namespace capstan::engine
