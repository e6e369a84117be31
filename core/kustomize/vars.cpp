#include "kustomize/vars.h"

#include <algorithm>
#include <charconv>

namespace capstan::kustomize {

using manifest::Node;
using manifest::ScalarType;

Result<std::vector<Var>> parseVars(const Node &vars, const std::string &file)
{
    std::vector<Var> out;
    if (vars.isNull())
        return out;
    if (!vars.isSequence())
        return makeError("field 'vars': expected a list", file);
    for (const Node &item : vars.items()) {
        if (!item.isMap())
            return makeError("field 'vars': expected a list of maps", file);
        Var v;
        v.name = item.textAt({"name"});
        if (v.name.empty())
            return makeError("field 'vars': a var needs a name", file);
        const Node *objref = item.find("objref");
        if (!objref || !objref->isMap())
            return makeError("var '" + v.name + "' needs an objref", file);
        const std::string apiVersion = objref->textAt({"apiVersion"});
        if (!apiVersion.empty())
            v.gvk = Gvk::fromApiVersion(apiVersion, objref->textAt({"kind"}));
        else
            v.gvk = Gvk{objref->textAt({"group"}), objref->textAt({"version"}), objref->textAt({"kind"})};
        v.objectName = objref->textAt({"name"});
        v.objectNamespace = objref->textAt({"namespace"});
        if (const Node *fieldref = item.find("fieldref"); fieldref && fieldref->isMap())
            if (const std::string path = fieldref->textAt({"fieldpath"}); !path.empty())
                v.fieldPath = path;
        out.push_back(std::move(v));
    }
    return out;
}

Result<void> mergeVars(std::vector<Var> &set, const std::vector<Var> &incoming, ResourceList &resources)
{
    for (const Var &v : incoming) {
        const ResId target{v.gvk, v.objectName, v.objectNamespace};
        const bool withNamespace = !v.objectNamespace.empty();
        std::vector<Resource *> matched;
        for (Resource &r : resources)
            if (anyIdMatches(r, [&](const ResId &id) {
                    return withNamespace ? id.equals(target) : id.gvk == target.gvk && id.name == target.name;
                }))
                matched.push_back(&r);
        if (matched.size() > 1)
            return makeError("found " + std::to_string(matched.size()) + " resId matches for var " + v.name
                             + " (unable to disambiguate)");
        if (matched.size() == 1)
            matched.front()->refVarNames.push_back(v.name);
    }
    for (const Var &v : incoming) {
        if (std::any_of(set.begin(), set.end(), [&](const Var &other) { return other.name == v.name; }))
            return makeError("var '" + v.name + "' already encountered");
        set.push_back(v);
    }
    return {};
}

namespace {

// "spec.ports[0].port" as path parts: spec, ports, 0, port.
const Node *lookup(const Node &root, const std::string &path)
{
    const Node *node = &root;
    std::string part;
    const auto step = [&](const std::string &name) -> bool {
        if (name.empty())
            return true;
        if (node->isSequence()) {
            std::size_t index = 0;
            const auto parsed = std::from_chars(name.data(), name.data() + name.size(), index);
            if (parsed.ec != std::errc() || parsed.ptr != name.data() + name.size() || index >= node->items().size())
                return false;
            node = &node->items()[index];
            return true;
        }
        node = node->isMap() ? node->find(name) : nullptr;
        return node != nullptr;
    };
    for (char c : path) {
        if (c == '.' || c == '[' || c == ']') {
            if (!step(part))
                return nullptr;
            part.clear();
        } else {
            part += c;
        }
    }
    return step(part) ? node : nullptr;
}

// kustomize's expansion: $(NAME) replaced, $$ kept as one $, unknown names kept.
Node expand(const std::string &input, const std::vector<std::pair<std::string, Node>> &values,
            std::vector<std::string> &used)
{
    std::string out;
    std::size_t checkpoint = 0;
    for (std::size_t cursor = 0; cursor < input.size(); ++cursor) {
        if (input[cursor] != '$' || cursor + 1 >= input.size())
            continue;
        out += input.substr(checkpoint, cursor - checkpoint);
        const char next = input[cursor + 1];
        std::size_t advance = 1;
        if (next == '$') {
            out += '$';
        } else if (next == '(') {
            const std::size_t close = input.find(')', cursor + 2);
            if (close == std::string::npos) {
                out += "$(";
            } else {
                const std::string name = input.substr(cursor + 2, close - cursor - 2);
                advance = close - cursor;
                auto it = std::find_if(values.begin(), values.end(), [&](const auto &p) { return p.first == name; });
                if (it == values.end()) {
                    out += "$(" + name + ")";
                } else {
                    used.push_back(name);
                    if (input == "$(" + name + ")")
                        return it->second;
                    out += it->second.text();
                }
            }
        } else {
            out += '$';
            out += next;
        }
        cursor += advance;
        checkpoint = cursor + 1;
    }
    out += input.substr(std::min(checkpoint, input.size()));
    return Node::string(out);
}

} // namespace

Result<void> resolveVars(ResourceList &resources, const std::vector<Var> &vars, const std::vector<FieldSpec> &specs)
{
    if (vars.empty())
        return {};
    std::vector<std::pair<std::string, Node>> values;
    for (const Var &v : vars) {
        const Resource *owner = nullptr;
        for (const Resource &r : resources)
            if (std::find(r.refVarNames.begin(), r.refVarNames.end(), v.name) != r.refVarNames.end()) {
                owner = &r;
                break;
            }
        if (!owner)
            return makeError("var '" + v.name + "' cannot be mapped to a field in the set of known resources");
        const Node *field = lookup(owner->root(), v.fieldPath);
        if (!field || !field->isScalar())
            return makeError("field specified in var '" + v.name + "' (" + v.fieldPath
                             + ") not found in corresponding resource");
        Node value = *field;
        if (value.isNull())
            value = Node::string("");
        values.emplace_back(v.name, value);
    }
    std::vector<std::string> used;
    const auto replace = [&](Node &node) -> Result<void> {
        if (node.isNull())
            return {};
        if (node.isScalar()) {
            if (node.isString())
                node = expand(node.text(), values, used);
            return {};
        }
        if (node.isMap()) {
            for (auto &entry : node.entries())
                if (entry.value.isString())
                    entry.value = expand(entry.value.text(), values, used);
            return {};
        }
        for (Node &item : node.items()) {
            if (!item.isString())
                return makeError("invalid value type expect a string");
            item = expand(item.text(), values, used);
        }
        return {};
    };
    for (Resource &r : resources) {
        const Gvk gvk = r.gvk();
        for (const FieldSpec &spec : specs) {
            if (!gvk.isSelectedBy(spec.gvk))
                continue;
            if (auto ok = visitFieldPathText(r.root(), spec.path, false, CreateKind::None, replace); !ok)
                return makeError(ok.error().message + " (expanding vars in " + r.currentId().toString() + ")");
        }
    }
    return {};
}

} // namespace capstan::kustomize
