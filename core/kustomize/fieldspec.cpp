#include "kustomize/fieldspec.h"

namespace capstan::kustomize {

using manifest::Node;

std::vector<std::string> splitFieldPath(const std::string &path)
{
    std::vector<std::string> parts;
    std::string current;
    for (std::size_t i = 0; i < path.size(); ++i) {
        if (path[i] == '\\' && i + 1 < path.size() && path[i + 1] == '/') {
            current += '/';
            ++i;
        } else if (path[i] == '/') {
            parts.push_back(std::move(current));
            current.clear();
        } else {
            current += path[i];
        }
    }
    parts.push_back(std::move(current));
    return parts;
}

namespace {

// A position in a split path: the segments not walked yet.
struct SplitCursor
{
    const std::vector<std::string> *parts;
    std::size_t index;

    bool done() const { return index == parts->size(); }
    std::string_view head() const { return (*parts)[index]; }
    bool headIsLast() const { return index + 1 == parts->size(); }
    SplitCursor tail() const { return {parts, index + 1}; }
};

// The same in a path as written, without escapes: segments are found as the
// walk gets to them, so a walk that stops early never looks at the rest.
struct TextCursor
{
    std::string_view rest;
    bool finished;
    std::size_t slash; // in rest, found once per segment

    TextCursor(std::string_view path, bool atEnd) : rest(path), finished(atEnd), slash(path.find('/')) {}

    bool done() const { return finished; }
    std::string_view head() const { return rest.substr(0, slash); }
    bool headIsLast() const { return slash == std::string_view::npos; }
    TextCursor tail() const
    {
        return slash == std::string_view::npos ? TextCursor({}, true) : TextCursor(rest.substr(slash + 1), false);
    }
};

template <typename Cursor>
Result<void> walk(Node &node, const Cursor &path, bool create, CreateKind createKind, const FieldVisitor &visit)
{
    if (path.done())
        return visit(node);
    if (node.isNull())
        return {};
    if (node.isSequence()) {
        for (Node &item : node.items())
            if (auto r = walk(item, path, create, createKind, visit); !r)
                return r;
        return {};
    }
    if (!node.isMap())
        return makeError("expected sequence or mapping node at '" + std::string(path.head()) + "'");

    std::string_view name = path.head();
    const bool isSequenceField = name.size() > 2 && name.substr(name.size() - 2) == "[]";
    if (isSequenceField)
        name.remove_suffix(2);
    if (name.empty())
        return makeError("cannot set or create an empty field name");

    const bool last = path.headIsLast();
    const bool mayCreate = create && createKind != CreateKind::None && !isSequenceField;
    Node *field = node.find(name);
    if (!field) {
        if (!mayCreate)
            return {};
        if (last && createKind == CreateKind::Scalar)
            field = &node.set(name, Node::string(""));
        else
            field = &node.set(name, Node::map());
    } else if (field->isNull() && mayCreate && !(last && createKind == CreateKind::Scalar)) {
        *field = Node::map();
    }
    return walk(*field, path.tail(), create, createKind, visit);
}

} // namespace

Result<void> visitFieldPath(Node &node, const std::vector<std::string> &path, std::size_t index, bool create,
                            CreateKind createKind, const FieldVisitor &visit)
{
    return walk(node, SplitCursor{&path, index}, create, createKind, visit);
}

Result<void> visitFieldPathText(Node &node, std::string_view path, bool create, CreateKind createKind,
                                const FieldVisitor &visit)
{
    if (path.find('\\') == std::string_view::npos)
        return walk(node, TextCursor(path, false), create, createKind, visit);
    return visitFieldPath(node, splitFieldPath(std::string(path)), 0, create, createKind, visit); // "\/" escapes
}

Result<void> visitFieldSpec(Node &root, const Gvk &gvk, const FieldSpec &spec, CreateKind createKind,
                            const FieldVisitor &visit)
{
    if (!gvk.isSelectedBy(spec.gvk))
        return {};
    return visitFieldPathText(root, spec.path, spec.create, createKind, visit);
}

} // namespace capstan::kustomize
