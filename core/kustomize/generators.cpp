#include "kustomize/generators.h"

#include "kustomize/content_hash.h"
#include "kustomize/text_encoding.h"

#include <algorithm>
#include <map>

namespace capstan::kustomize {

using manifest::Node;

namespace {

using Pairs = std::vector<std::pair<std::string, std::string>>;

std::string removeQuotes(const std::string &s)
{
    if (s.size() < 2 || s.front() != s.back())
        return s;
    if (s.front() == '"' || s.front() == '\'')
        return s.substr(1, s.size() - 2);
    return s;
}

Result<void> readEnvFile(const std::string &content, const std::string &file, Pairs &out)
{
    std::size_t pos = 0;
    int lineNumber = 0;
    while (pos <= content.size()) {
        std::size_t end = content.find('\n', pos);
        if (end == std::string::npos)
            end = content.size();
        std::string line = content.substr(pos, end - pos);
        const bool atEnd = end == content.size();
        pos = end + 1;
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        if (lineNumber == 0 && line.rfind("\xEF\xBB\xBF", 0) == 0)
            line.erase(0, 3);
        ++lineNumber;
        const auto first = line.find_first_not_of(" \t\v\f\r");
        line = first == std::string::npos ? std::string() : line.substr(first);
        if (!line.empty() && line[0] != '#') {
            const auto eq = line.find('=');
            std::string key = line.substr(0, eq);
            if (key.empty())
                return makeError("invalid key '" + key + "' on line " + std::to_string(lineNumber) + " of env file", file);
            out.emplace_back(key, eq == std::string::npos ? std::string() : line.substr(eq + 1));
        }
        if (atEnd)
            break;
    }
    return {};
}

Result<Pairs> loadPairs(const GeneratorSpec &spec, const Loader &loader)
{
    Pairs pairs;
    for (const std::string &env : spec.envs) {
        auto content = loader.load(env);
        if (!content)
            return content.error();
        if (auto ok = readEnvFile(*content, loader.absolute(env), pairs); !ok)
            return ok.error();
    }
    for (const std::string &literal : spec.literals) {
        const auto eq = literal.find('=');
        if (eq == std::string::npos || eq == 0)
            return makeError("invalid literal source " + literal + ", expected key=value", loader.root());
        pairs.emplace_back(literal.substr(0, eq), removeQuotes(literal.substr(eq + 1)));
    }
    for (const std::string &source : spec.files) {
        const auto separators = std::count(source.begin(), source.end(), '=');
        std::string key, path;
        if (separators == 0) {
            path = source;
            key = baseName(cleanPath(source));
        } else if (separators == 1 && source.front() != '=' && source.back() != '=') {
            const auto eq = source.find('=');
            key = source.substr(0, eq);
            path = source.substr(eq + 1);
        } else {
            return makeError("invalid file source \"" + source + "\": expected [key=]path", loader.root());
        }
        auto content = loader.load(path);
        if (!content)
            return content.error();
        pairs.emplace_back(key, std::move(*content));
    }
    return pairs;
}

void setStringMap(Node &metadata, const char *field, const StringPairs &pairs)
{
    if (pairs.empty())
        return;
    Node &map = metadata[field];
    for (const auto &[k, v] : pairs)
        map.set(k, Node::string(v));
}

// kyaml's base64 for Secret data and binaryData: lines of 70 characters, each
// followed by a newline once the text is longer than one line.
std::string encodeBase64(const std::string &value)
{
    const std::string encoded = base64(value);
    const std::size_t lineLength = 70;
    const std::size_t size = encoded.size();
    if (size / lineLength + 1 <= 1)
        return encoded;
    std::string out;
    for (std::size_t i = 0; i < size; i += lineLength) {
        out.append(encoded, i, std::min(lineLength, size - i));
        out += '\n';
    }
    return out;
}

} // namespace

Result<Resource> generate(GeneratedKind kind, const GeneratorSpec &spec, const GeneratorOptions &options,
                          const Loader &loader)
{
    if (spec.name.empty())
        return makeError(std::string("a ") + (kind == GeneratedKind::Secret ? "secret" : "configmap") + " must have a name",
                         loader.root());
    auto pairs = loadPairs(spec, loader);
    if (!pairs)
        return pairs.error();
    std::map<std::string, std::string> data;
    for (const auto &[key, value] : *pairs) {
        if (!data.emplace(key, value).second)
            return makeError(std::string(kind == GeneratedKind::Secret ? "secret " : "configmap ") + spec.name
                                 + " illegally repeats the key `" + key + "`",
                             loader.root());
    }

    Node root = Node::map();
    root.set("apiVersion", Node::string("v1"));
    root.set("kind", Node::string(kind == GeneratedKind::Secret ? "Secret" : "ConfigMap"));
    Node metadata = Node::map();
    metadata.set("name", Node::string(spec.name));
    if (!spec.ns.empty())
        metadata.set("namespace", Node::string(spec.ns));
    setStringMap(metadata, "labels", options.labels);
    setStringMap(metadata, "annotations", options.annotations);
    root.set("metadata", std::move(metadata));
    if (kind == GeneratedKind::Secret)
        root.set("type", Node::string(spec.type.empty() ? "Opaque" : spec.type));
    for (const auto &[key, value] : data) {
        if (kind == GeneratedKind::Secret) {
            root["data"].set(key, Node::string(encodeBase64(value)));
        } else if (isValidUtf8(value)) {
            root["data"].set(key, Node::string(value));
        } else {
            root["binaryData"].set(key, Node::string(encodeBase64(value)));
        }
    }
    if (options.immutable.value_or(false))
        root.set("immutable", Node::boolean(true));

    Resource r;
    r.object = manifest::Object(std::move(root));
    r.needsHashSuffix = !options.disableNameSuffixHash.value_or(false);
    r.behavior = spec.behavior == "merge"     ? GenerationBehavior::Merge
        : spec.behavior == "replace"          ? GenerationBehavior::Replace
        : spec.behavior == "create"           ? GenerationBehavior::Create
                                              : GenerationBehavior::Unspecified;
    return r;
}

Result<void> absorbGenerated(ResourceList &resources, Resource generated)
{
    const ResId id = generated.currentId();
    std::vector<std::size_t> matches;
    for (std::size_t i = 0; i < resources.size(); ++i)
        if (hasId(resources[i], id))
            matches.push_back(i);
    if (matches.empty()) {
        if (generated.behavior == GenerationBehavior::Merge || generated.behavior == GenerationBehavior::Replace)
            return makeError("id " + id.toString() + " does not exist; cannot merge or replace");
        resources.push_back(std::move(generated));
        return {};
    }
    if (matches.size() > 1)
        return makeError("multiple resources match generated " + id.toString());
    Resource &old = resources[matches[0]];
    if (generated.behavior != GenerationBehavior::Merge && generated.behavior != GenerationBehavior::Replace)
        return makeError("id " + id.toString() + " exists; behavior must be merge or replace");

    Node &root = generated.root();
    // Labels and annotations: the old ones, overridden by the generator's.
    for (const char *field : {"labels", "annotations"}) {
        const Node *oldMap = old.root().at({"metadata", field});
        if (!oldMap || !oldMap->isMap() || oldMap->empty())
            continue;
        Node merged = *oldMap;
        if (const Node *newMap = root.at({"metadata", field}); newMap && newMap->isMap())
            for (const auto &e : newMap->entries())
                merged.set(e.key, e.value);
        root["metadata"].set(field, std::move(merged));
    }
    if (generated.behavior == GenerationBehavior::Merge) {
        for (const char *field : {"data", "binaryData"}) {
            const Node *oldMap = old.root().find(field);
            if (!oldMap || !oldMap->isMap() || oldMap->empty())
                continue;
            Node merged = *oldMap;
            if (const Node *newMap = root.find(field); newMap && newMap->isMap())
                for (const auto &e : newMap->entries())
                    merged.set(e.key, e.value);
            root.set(field, std::move(merged));
        }
    }
    generated.object.setName(old.name());
    if (old.ns().empty()) {
        root["metadata"].remove("namespace");
    } else {
        generated.object.setNamespace(old.ns());
    }
    // Build bookkeeping comes from the old resource; a hash suffix only when both want one.
    generated.needsHashSuffix = generated.needsHashSuffix && old.needsHashSuffix;
    generated.previousIds = old.previousIds;
    generated.refVarNames = old.refVarNames;
    generated.prefixes = old.prefixes;
    generated.suffixes = old.suffixes;
    generated.object.setSource(old.object.source());
    old = std::move(generated);
    return {};
}

void addHashSuffixes(ResourceList &resources)
{
    for (Resource &r : resources) {
        if (!r.needsHashSuffix)
            continue;
        r.storePreviousId();
        r.object.setName(r.name() + "-" + contentHash(r.root()));
        r.needsHashSuffix = false;
    }
}

} // namespace capstan::kustomize
