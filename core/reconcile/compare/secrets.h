#pragma once

#include "manifest/node.h"

namespace capstan::compare {

// A core-group Secret (apiVersion v1, kind Secret).
bool isSecret(const manifest::Node &object);

// Replaces every value under `data` of the given Secrets (either may be
// null) with a mask, as Argo CD does: per key, one mask per distinct value,
// "++++++++" for the first and four more "+" for each further one, taken in
// the order desired, live. Equal values therefore look equal and changed ones
// differ, and no value (or its length) is shown.
void maskSecretData(manifest::Node *desired, manifest::Node *live);

} // namespace capstan::compare
