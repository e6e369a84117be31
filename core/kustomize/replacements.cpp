#include "kustomize/replacements.h"

#include "kustomize/selector.h"
#include "manifest/yaml_reader.h"
#include "manifest/yaml_scalar.h"

#include <charconv>

namespace capstan::kustomize {

using manifest::Node;
using manifest::ScalarType;

namespace {

// Splits "a.b.[name=x.y].c" on dots outside brackets.
std::vector<std::string> splitPath(const std::string &path)
{
    std::vector<std::string> parts;
    std::string current;
    int depth = 0;
    for (char c : path) {
        if (c == '[')
            ++depth;
        else if (c == ']')
            --depth;
        if (c == '.' && depth == 0) {
            parts.push_back(current);
            current.clear();
        } else {
            current += c;
        }
    }
    parts.push_back(current);
    std::vector<std::string> cleaned;
    for (std::string &p : parts)
        if (!p.empty())
            cleaned.push_back(std::move(p));
    return cleaned;
}

bool isIndex(const std::string &part, std::size_t &index)
{
    auto [ptr, ec] = std::from_chars(part.data(), part.data() + part.size(), index);
    return ec == std::errc() && ptr == part.data() + part.size();
}

bool isListMatcher(const std::string &part)
{
    return part.size() >= 2 && part.front() == '[' && part.back() == ']';
}

// kyaml's PathMatcher: fields, [field=regex] list filters, indexes and '*',
// creating what is missing when create is set.
Result<void> matchPath(Node &node, const std::vector<std::string> &path, std::size_t i, bool create,
                       Node::Kind createKind, std::vector<Node *> &out)
{
    if (i == path.size()) {
        out.push_back(&node);
        return {};
    }
    const std::string &part = path[i];
    const auto newNode = [&]() {
        if (i + 1 >= path.size())
            return createKind == Node::Kind::Map ? Node::map() : createKind == Node::Kind::Sequence ? Node::sequence() : Node();
        std::size_t idx = 0;
        return isListMatcher(path[i + 1]) || isIndex(path[i + 1], idx) || path[i + 1] == "*" ? Node::sequence()
                                                                                               : Node::map();
    };
    std::size_t index = 0;
    if (isIndex(part, index)) {
        if (!node.isSequence())
            return {};
        if (index == node.items().size() && create)
            node.append(newNode());
        if (index >= node.items().size())
            return makeError("index " + part + " specified but only " + std::to_string(node.items().size())
                             + " elements found");
        return matchPath(node.items()[index], path, i + 1, create, createKind, out);
    }
    if (isListMatcher(part)) {
        if (!node.isSequence())
            return {};
        const std::string inner = part.substr(1, part.size() - 2);
        const auto eq = inner.find('=');
        if (eq == std::string::npos)
            return makeError("list path element must contain fieldName=fieldValue for element to match");
        const std::string field = inner.substr(0, eq);
        const std::string value = inner.substr(eq + 1);
        const std::size_t before = out.size();
        for (Node &item : node.items()) {
            const Node *v = field.empty() ? &item : (item.isMap() ? item.find(field) : nullptr);
            if (!v || !v->isScalar() || v->text().find(value) == std::string::npos)
                continue;
            if (auto ok = matchPath(item, path, i + 1, create, createKind, out); !ok)
                return ok;
        }
        if (out.size() == before && create) {
            if (field.empty()) {
                node.append(Node::string(value));
            } else {
                Node element = Node::map();
                element.set(field, Node::string(value));
                node.append(std::move(element));
            }
            return matchPath(node.items().back(), path, i + 1, create, createKind, out);
        }
        return {};
    }
    if (part == "*") {
        if (node.isSequence())
            for (Node &item : node.items())
                if (auto ok = matchPath(item, path, i + 1, create, createKind, out); !ok)
                    return ok;
        return {};
    }
    if (!node.isMap()) {
        if (!(node.isNull() && create))
            return {};
        node = Node::map();
    }
    Node *field = node.find(part);
    if (!field) {
        if (!create)
            return {};
        field = &node.set(part, newNode());
    }
    return matchPath(*field, path, i + 1, create, createKind, out);
}

struct FieldOptions
{
    std::string delimiter;
    long index = 0;
    bool create = false;
};

FieldOptions readOptions(const Node *options)
{
    FieldOptions o;
    if (!options || !options->isMap())
        return o;
    o.delimiter = options->textAt({"delimiter"});
    if (const Node *index = options->find("index"))
        o.index = std::strtol(index->text().c_str(), nullptr, 10);
    o.create = options->textAt({"create"}) == "true";
    return o;
}

Selector readSelector(const Node *node)
{
    Selector s;
    if (!node || !node->isMap())
        return s;
    s.gvk.group = node->textAt({"group"});
    s.gvk.version = node->textAt({"version"});
    s.gvk.kind = node->textAt({"kind"});
    s.name = node->textAt({"name"});
    s.ns = node->textAt({"namespace"});
    s.labelSelector = node->textAt({"labelSelector"});
    s.annotationSelector = node->textAt({"annotationSelector"});
    return s;
}

bool idSelectedBy(const ResId &id, const Selector &s)
{
    return (s.gvk.group.empty() || s.gvk.group == id.gvk.group) && (s.gvk.version.empty() || s.gvk.version == id.gvk.version)
        && (s.gvk.kind.empty() || s.gvk.kind == id.gvk.kind) && (s.name.empty() || s.name == id.name)
        && (s.ns.empty() || s.ns == id.ns);
}

Result<Node> sourceValue(ResourceList &resources, const Node &source)
{
    const Selector selector = readSelector(&source);
    Resource *match = nullptr;
    for (Resource &r : resources) {
        if (!anyIdMatches(r, [&](const ResId &id) { return idSelectedBy(id, selector); }))
            continue;
        if (match)
            return makeError("more than one match for replacement source " + selector.gvk.kind + "/" + selector.name);
        match = &r;
    }
    if (!match)
        return makeError("nothing selected by replacement source " + selector.gvk.kind + "/" + selector.name);
    std::string fieldPath = source.textAt({"fieldPath"}, "metadata.name");
    std::vector<Node *> found;
    if (auto ok = matchPath(match->root(), splitPath(fieldPath), 0, false, Node::Kind::Scalar, found); !ok)
        return ok.error();
    if (found.empty())
        return Node();
    Node value = *found.front();
    const FieldOptions options = readOptions(source.find("options"));
    if (!options.delimiter.empty() && value.isScalar()) {
        std::vector<std::string> parts;
        std::size_t pos = 0;
        const std::string text = value.text();
        while (true) {
            const auto next = text.find(options.delimiter, pos);
            parts.push_back(text.substr(pos, next == std::string::npos ? std::string::npos : next - pos));
            if (next == std::string::npos)
                break;
            pos = next + options.delimiter.size();
        }
        if (options.index < 0 || options.index >= static_cast<long>(parts.size()))
            return makeError("options.index " + std::to_string(options.index) + " is out of bounds for value " + text);
        value = Node::string(parts[static_cast<std::size_t>(options.index)]);
    }
    return value;
}

void setValue(Node &target, const Node &value, const FieldOptions &options)
{
    Node v = value;
    if (!options.delimiter.empty() && target.isScalar()) {
        std::vector<std::string> parts;
        std::size_t pos = 0;
        const std::string text = target.text();
        while (true) {
            const auto next = text.find(options.delimiter, pos);
            parts.push_back(text.substr(pos, next == std::string::npos ? std::string::npos : next - pos));
            if (next == std::string::npos)
                break;
            pos = next + options.delimiter.size();
        }
        if (options.index < 0)
            parts.insert(parts.begin(), v.text());
        else if (options.index >= static_cast<long>(parts.size()))
            parts.push_back(v.text());
        else
            parts[static_cast<std::size_t>(options.index)] = v.text();
        std::string joined;
        for (std::size_t i = 0; i < parts.size(); ++i)
            joined += (i ? options.delimiter : std::string()) + parts[i];
        v = Node::string(joined);
    }
    // A scalar target keeps its type and takes the value's text, as kyaml does.
    if (target.isScalar() && v.isScalar() && !target.isNull()) {
        const ScalarType resolved = manifest::yaml::resolvePlain(v.text()).type;
        const bool keepType = target.scalarType() == ScalarType::String || resolved == target.scalarType();
        target.setScalar(v.text(), keepType ? target.scalarType() : v.scalarType());
        return;
    }
    target = v;
}

Result<void> applyOne(ResourceList &resources, const Node &replacement)
{
    const Node *source = replacement.find("source");
    if (!source || !source->isMap())
        return makeError("replacement has no source");
    auto value = sourceValue(resources, *source);
    if (!value)
        return value.error();
    const Node *targets = replacement.find("targets");
    if (!targets || !targets->isSequence())
        return {};
    for (const Node &target : targets->items()) {
        const Node *select = target.find("select");
        if (!select)
            return makeError("target must specify resources to select");
        auto selector = ResourceSelector::compile(readSelector(select));
        if (!selector)
            return selector.error();
        std::vector<ResourceSelector> rejects;
        if (const Node *reject = target.find("reject"); reject && reject->isSequence())
            for (const Node &r : reject->items()) {
                auto compiled = ResourceSelector::compile(readSelector(&r));
                if (!compiled)
                    return compiled.error();
                rejects.push_back(std::move(*compiled));
            }
        std::vector<std::string> fieldPaths;
        if (const Node *paths = target.find("fieldPaths"); paths && paths->isSequence())
            for (const Node &p : paths->items())
                fieldPaths.push_back(p.text());
        if (fieldPaths.empty())
            fieldPaths.push_back("metadata.name");
        const FieldOptions options = readOptions(target.find("options"));
        for (Resource &r : resources) {
            if (!selector->matches(r))
                continue;
            bool rejected = false;
            for (const ResourceSelector &reject : rejects)
                rejected = rejected || reject.matches(r);
            if (rejected)
                continue;
            for (const std::string &fieldPath : fieldPaths) {
                std::vector<Node *> fields;
                if (auto ok = matchPath(r.root(), splitPath(fieldPath), 0, options.create, value->kind(), fields); !ok)
                    return ok;
                if (fields.empty())
                    return makeError("unable to find field \"" + fieldPath + "\" in replacement target "
                                     + r.currentId().toString());
                for (Node *field : fields)
                    setValue(*field, *value, options);
            }
        }
    }
    return {};
}

} // namespace

Result<void> applyReplacements(ResourceList &resources, const Node &replacements, const Loader &loader)
{
    if (!replacements.isSequence())
        return {};
    for (const Node &entry : replacements.items()) {
        if (const Node *path = entry.find("path")) {
            auto text = loader.load(path->text());
            if (!text)
                return text.error();
            auto docs = manifest::parseDocuments(*text, loader.absolute(path->text()));
            if (!docs)
                return docs.error();
            for (const Node &doc : *docs) {
                if (doc.isSequence()) {
                    for (const Node &item : doc.items())
                        if (auto ok = applyOne(resources, item); !ok)
                            return makeError(ok.error().message, loader.absolute(path->text()));
                } else if (auto ok = applyOne(resources, doc); !ok) {
                    return makeError(ok.error().message, loader.absolute(path->text()));
                }
            }
            continue;
        }
        if (auto ok = applyOne(resources, entry); !ok)
            return makeError(ok.error().message, loader.absolute("kustomization.yaml"));
    }
    return {};
}

} // namespace capstan::kustomize
