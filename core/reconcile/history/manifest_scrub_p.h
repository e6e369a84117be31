#pragma once

// The defensive pass over manifests before they are stored: whatever the caller
// masked, no Secret value reaches the database.

#include "common/result.h"
#include "manifest/object.h"

#include <string>
#include <vector>

namespace capstan::history::detail {

struct ScrubbedManifests
{
    std::string text; // what to store: the input when it holds no Secret, else re-emitted
    std::vector<manifest::Object> objects; // the parsed (masked) objects
};

// Masks every value of a Secret's data and stringData ("++++++++"; values that
// are already masks stay as they are) and drops its last-applied-configuration
// annotation, which carries the values too; also inside List items. An error
// when the text is not a YAML stream of objects: it cannot be checked.
capstan::Result<ScrubbedManifests> scrubManifests(const std::string &yaml);

} // namespace capstan::history::detail
