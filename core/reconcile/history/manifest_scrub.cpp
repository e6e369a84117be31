#include "reconcile/history/manifest_scrub_p.h"

#include "manifest/yaml_reader.h"
#include "manifest/yaml_writer.h"

#include <algorithm>

namespace capstan::history::detail {

namespace {

using manifest::Node;

const char *const kMask = "++++++++";

// A value the caller already masked (Argo CD style: a run of "+").
bool isMask(const Node &value)
{
    return value.isString() && !value.text().empty()
        && std::all_of(value.text().begin(), value.text().end(), [](char c) { return c == '+'; });
}

void maskValues(Node *values)
{
    if (!values || values->isNull())
        return;
    if (!values->isMap()) { // malformed: hide it whole
        *values = Node::string(kMask);
        return;
    }
    for (manifest::MapEntry &entry : values->entries()) {
        if (!isMask(entry.value))
            entry.value = Node::string(kMask);
    }
}

// Returns whether `object` is or holds a Secret. Kind alone decides: a
// defensive pass does not trust apiVersion to be "v1".
bool scrub(Node &object)
{
    if (!object.isMap())
        return false;
    const std::string kind = object.textAt({ "kind" });
    if (kind == "Secret") {
        maskValues(object.find("data"));
        maskValues(object.find("stringData"));
        if (Node *annotations = object.at({ "metadata", "annotations" }); annotations && annotations->isMap())
            annotations->remove("kubectl.kubernetes.io/last-applied-configuration");
        return true;
    }
    bool holdsSecret = false;
    if (kind.ends_with("List")) { // List, SecretList, ...
        if (Node *items = object.find("items"); items && items->isSequence()) {
            for (Node &item : items->items())
                holdsSecret |= scrub(item);
        }
    }
    return holdsSecret;
}

} // namespace

capstan::Result<ScrubbedManifests> scrubManifests(const std::string &yaml)
{
    auto parsed = manifest::parseObjects(yaml, "applied manifests", manifest::DuplicateKeys::KeepLast);
    if (!parsed) {
        capstan::Error error = parsed.error();
        error.message
            = "cannot check the applied manifests for Secret values, so they are not stored: " + error.message;
        return error;
    }
    ScrubbedManifests result { {}, std::move(*parsed) };
    bool holdsSecret = false;
    for (manifest::Object &object : result.objects)
        holdsSecret |= scrub(object.root());
    // Re-emitted from the parsed objects whenever a Secret is there, so that no
    // form of the text the parser folded (a repeated key, say) keeps a value.
    result.text = holdsSecret ? manifest::emitObjects(result.objects) : yaml;
    return result;
}

} // namespace capstan::history::detail
