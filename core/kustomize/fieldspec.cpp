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

Result<void> visitFieldPath(Node &node, const std::vector<std::string> &path, std::size_t index, bool create,
                            CreateKind createKind, const FieldVisitor &visit)
{
    if (index == path.size())
        return visit(node);
    if (node.isNull())
        return {};
    if (node.isSequence()) {
        for (Node &item : node.items())
            if (auto r = visitFieldPath(item, path, index, create, createKind, visit); !r)
                return r;
        return {};
    }
    if (!node.isMap())
        return makeError("expected sequence or mapping node at '" + path[index] + "'");

    std::string name = path[index];
    const bool isSequenceField = name.size() > 2 && name.compare(name.size() - 2, 2, "[]") == 0;
    if (isSequenceField)
        name.resize(name.size() - 2);
    if (name.empty())
        return makeError("cannot set or create an empty field name");

    const bool last = index + 1 == path.size();
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
    return visitFieldPath(*field, path, index + 1, create, createKind, visit);
}

Result<void> visitFieldSpec(Node &root, const Gvk &gvk, const FieldSpec &spec, CreateKind createKind,
                            const FieldVisitor &visit)
{
    if (!gvk.isSelectedBy(spec.gvk))
        return {};
    return visitFieldPath(root, splitFieldPath(spec.path), 0, spec.create, createKind, visit);
}

} // namespace capstan::kustomize
