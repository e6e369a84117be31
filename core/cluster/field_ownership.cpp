#include "cluster/field_ownership_p.h"

#include "cluster/json_codec_p.h"

#include <algorithm>

namespace capstan::cluster::detail {

using manifest::Node;

namespace {

// The merge key of a list field, as Kubernetes' strategic-merge schema declares it for
// the common built-in lists; empty: the list is atomic.
std::string mergeKeyFor(const std::string &field, const Node &list)
{
    std::string key;
    if (field == "containers" || field == "initContainers" || field == "ephemeralContainers" || field == "volumes"
        || field == "env" || field == "imagePullSecrets")
        key = "name";
    else if (field == "volumeMounts")
        key = "mountPath";
    else if (field == "hostAliases")
        key = "ip";
    else if (field == "ports" && !list.items().empty())
        key = list.items().front().contains("containerPort") ? "containerPort" : "port";
    if (key.empty())
        return {};
    for (const Node &item : list.items())
        if (!item.isMap() || !item.contains(key))
            return {};
    return key;
}

std::string itemSegment(const std::string &key, const Node &item)
{
    Node k = Node::map();
    k.set(key, *item.find(key));
    return "k:" + toJson(k);
}

void collect(const Node &node, const std::string &field, FieldPath &path, FieldSet &out)
{
    if (node.isMap() && !node.empty()) {
        for (const auto &e : node.entries()) {
            path.push_back("f:" + e.key);
            collect(e.value, e.key, path, out);
            path.pop_back();
        }
        return;
    }
    if (node.isSequence()) {
        const std::string key = mergeKeyFor(field, node);
        if (!key.empty()) {
            for (const Node &item : node.items()) {
                path.push_back(itemSegment(key, item));
                out.insert(path);
                collect(item, {}, path, out);
                path.pop_back();
            }
            return;
        }
    }
    if (!path.empty())
        out.insert(path);
}

// Finds the list item a "k:{...}" segment names.
const Node *findItem(const Node &list, const std::string &segment)
{
    auto key = fromJson(std::string_view(segment).substr(2));
    if (!key || !key->isMap() || key->empty())
        return nullptr;
    for (const Node &item : list.items()) {
        bool all = item.isMap();
        for (const auto &e : key->entries()) {
            const Node *v = all ? item.find(e.key) : nullptr;
            if (!v || v->text() != e.value.text())
                all = false;
        }
        if (all)
            return &item;
    }
    return nullptr;
}

Node mergeList(const std::string &field, const Node &live, const Node &config)
{
    const std::string key = mergeKeyFor(field, config);
    if (key.empty() || !live.isSequence() || !mergeKeyFor(field, live).size())
        return config;
    Node out = live;
    for (const Node &item : config.items()) {
        const Node *match = findItem(out, itemSegment(key, item));
        if (match)
            *const_cast<Node *>(match) = mergeApplied(*match, item);
        else
            out.append(item);
    }
    return out;
}

} // namespace

FieldSet fieldSetOf(const Node &config)
{
    FieldSet out;
    FieldPath path;
    collect(config, {}, path, out);
    return out;
}

FieldSet changedFields(const Node &before, const Node &after)
{
    FieldSet out;
    for (const FieldPath &p : fieldSetOf(after)) {
        const Node *a = valueAt(after, p);
        const Node *b = valueAt(before, p);
        if (!b || !a || !(*a == *b))
            out.insert(p);
    }
    return out;
}

const Node *valueAt(const Node &object, const FieldPath &path)
{
    const Node *n = &object;
    for (const std::string &seg : path) {
        if (seg.rfind("f:", 0) == 0) {
            if (!n->isMap())
                return nullptr;
            n = n->find(std::string_view(seg).substr(2));
        } else if (seg.rfind("k:", 0) == 0) {
            if (!n->isSequence())
                return nullptr;
            n = findItem(*n, seg);
        } else {
            return nullptr;
        }
        if (!n)
            return nullptr;
    }
    return n;
}

void removeAt(Node &object, const FieldPath &path)
{
    if (path.empty())
        return;
    FieldPath parentPath(path.begin(), path.end() - 1);
    Node *parent = const_cast<Node *>(valueAt(object, parentPath));
    if (!parent)
        return;
    const std::string &last = path.back();
    if (last.rfind("f:", 0) == 0 && parent->isMap()) {
        parent->remove(std::string_view(last).substr(2));
    } else if (last.rfind("k:", 0) == 0 && parent->isSequence()) {
        const Node *item = findItem(*parent, last);
        auto &items = parent->items();
        items.erase(std::remove_if(items.begin(), items.end(), [&](const Node &n) { return &n == item; }), items.end());
    }
}

Node mergeApplied(const Node &live, const Node &config)
{
    if (!config.isMap() || !live.isMap())
        return config;
    Node out = live;
    for (const auto &e : config.entries()) {
        Node *existing = out.find(e.key);
        if (!existing)
            out.set(e.key, e.value);
        else if (e.value.isSequence() && existing->isSequence())
            *existing = mergeList(e.key, *existing, e.value);
        else
            *existing = mergeApplied(*existing, e.value);
    }
    return out;
}

std::string pathToString(const FieldPath &path)
{
    std::string out;
    for (const std::string &seg : path) {
        if (seg.rfind("f:", 0) == 0) {
            out += '.' + seg.substr(2);
        } else {
            auto key = fromJson(std::string_view(seg).substr(2));
            out += '[';
            if (key && key->isMap())
                for (const auto &e : key->entries())
                    out += e.key + "=" + toJson(e.value);
            out += ']';
        }
    }
    return out;
}

bool isItemPath(const FieldPath &path)
{
    return !path.empty() && path.back().rfind("k:", 0) == 0;
}

bool ownsAtOrBelow(const FieldSet &set, const FieldPath &path)
{
    auto it = set.lower_bound(path);
    return it != set.end() && it->size() >= path.size() && std::equal(path.begin(), path.end(), it->begin());
}

namespace {

void toFieldsV1(const FieldSet &fields, Node &root)
{
    for (const FieldPath &p : fields) {
        Node *n = &root;
        for (const std::string &seg : p) {
            if (!n->isMap())
                *n = Node::map();
            n = &(*n)[seg];
            if (n->isNull())
                *n = Node::map();
        }
        if (isItemPath(p))
            n->set(".", Node::map());
    }
}

void fromFieldsV1(const Node &node, FieldPath &path, FieldSet &out)
{
    if (!node.isMap() || node.empty()) {
        if (!path.empty())
            out.insert(path);
        return;
    }
    for (const auto &e : node.entries()) {
        if (e.key == ".") {
            out.insert(path);
            continue;
        }
        path.push_back(e.key);
        fromFieldsV1(e.value, path, out);
        path.pop_back();
    }
}

} // namespace

std::vector<ManagedFieldsEntry> readManagedFields(const Node &object)
{
    std::vector<ManagedFieldsEntry> out;
    const Node *list = object.at({ "metadata", "managedFields" });
    if (!list)
        return out;
    for (const Node &item : list->items()) {
        ManagedFieldsEntry e;
        e.manager = item.textAt({ "manager" });
        e.operation = item.textAt({ "operation" });
        e.apiVersion = item.textAt({ "apiVersion" });
        e.time = item.textAt({ "time" });
        if (const Node *f = item.find("fieldsV1")) {
            FieldPath path;
            fromFieldsV1(*f, path, e.fields);
        }
        out.push_back(std::move(e));
    }
    return out;
}

void writeManagedFields(Node &object, const std::vector<ManagedFieldsEntry> &entries)
{
    Node list = Node::sequence();
    for (const ManagedFieldsEntry &e : entries) {
        if (e.fields.empty())
            continue;
        Node item = Node::map();
        item.set("apiVersion", Node::string(e.apiVersion));
        item.set("fieldsType", Node::string("FieldsV1"));
        Node fields = Node::map();
        toFieldsV1(e.fields, fields);
        item.set("fieldsV1", std::move(fields));
        item.set("manager", Node::string(e.manager));
        item.set("operation", Node::string(e.operation));
        item.set("time", Node::string(e.time));
        list.append(std::move(item));
    }
    Node &metadata = object["metadata"];
    if (list.empty())
        metadata.remove("managedFields");
    else
        metadata.set("managedFields", std::move(list));
}

} // namespace capstan::cluster::detail
