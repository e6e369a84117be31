#include "reconcile/compare/field_path.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>

#include <algorithm>

namespace capstan::compare {

using manifest::Node;

const Node *resolvePath(const Node &root, const FieldPath &path)
{
    const Node *node = &root;
    for (const PathStep &step : path) {
        if (step.index >= 0) {
            if (!node->isSequence() || step.index >= static_cast<int>(node->items().size()))
                return nullptr;
            node = &node->items()[step.index];
        } else {
            if (!node->isMap())
                return nullptr;
            node = node->find(step.key);
            if (!node)
                return nullptr;
        }
    }
    return node;
}

namespace {

Node *resolveMutable(Node &root, const FieldPath &path, std::size_t length)
{
    Node *node = &root;
    for (std::size_t i = 0; i < length && node; ++i) {
        const PathStep &step = path[i];
        if (step.index >= 0)
            node = node->isSequence() && step.index < static_cast<int>(node->items().size())
                ? &node->items()[step.index]
                : nullptr;
        else
            node = node->isMap() ? node->find(step.key) : nullptr;
    }
    return node;
}

// Orders paths so that removing them in turn never shifts an index still to
// be used: later items before earlier ones, children before their parents.
bool removeBefore(const FieldPath &a, const FieldPath &b)
{
    const std::size_t n = std::min(a.size(), b.size());
    for (std::size_t i = 0; i < n; ++i) {
        if (a[i] == b[i])
            continue;
        if (a[i].index >= 0 && b[i].index >= 0)
            return a[i].index > b[i].index;
        return a[i].key > b[i].key;
    }
    return a.size() > b.size();
}

std::string unescapePointerToken(std::string_view token)
{
    std::string out;
    for (std::size_t i = 0; i < token.size(); ++i) {
        if (token[i] == '~' && i + 1 < token.size() && (token[i + 1] == '0' || token[i + 1] == '1')) {
            out += token[i + 1] == '0' ? '~' : '/';
            ++i;
        } else {
            out += token[i];
        }
    }
    return out;
}

bool scalarMatchesJson(const Node &node, const QJsonValue &value)
{
    if (!node.isScalar())
        return false;
    if (value.isString())
        return node.text() == value.toString().toStdString();
    if (value.isBool())
        return node.text() == (value.toBool() ? "true" : "false");
    if (value.isDouble()) {
        const double d = value.toDouble();
        bool ok = false;
        const double n = QString::fromStdString(node.text()).toDouble(&ok);
        return ok && n == d;
    }
    return value.isNull() && node.isNull();
}

// The index of the item a "k:" or "v:" step names, or -1.
int findItem(const Node &sequence, std::string_view step)
{
    if (!sequence.isSequence())
        return -1;
    const QByteArray json = QByteArray::fromRawData(step.data() + 2, static_cast<qsizetype>(step.size() - 2));
    if (step.substr(0, 2) == "i:")
        return QByteArray(json).toInt();
    // "v:" values are JSON scalars; wrap them to parse them with QJsonDocument.
    const bool byValue = step.substr(0, 2) == "v:";
    const QJsonDocument doc = QJsonDocument::fromJson(byValue ? "[" + json + "]" : QByteArray(json));
    for (std::size_t i = 0; i < sequence.items().size(); ++i) {
        const Node &item = sequence.items()[i];
        if (byValue) {
            if (doc.isArray() && scalarMatchesJson(item, doc.array().at(0)))
                return static_cast<int>(i);
            continue;
        }
        if (!doc.isObject() || !item.isMap())
            continue;
        const QJsonObject keys = doc.object();
        bool all = !keys.isEmpty();
        for (auto it = keys.begin(); it != keys.end() && all; ++it) {
            const Node *field = item.find(it.key().toStdString());
            all = field && scalarMatchesJson(*field, it.value());
        }
        if (all)
            return static_cast<int>(i);
    }
    return -1;
}

void collectManaged(const Node &node, const Node &fields, FieldPath &prefix, std::vector<FieldPath> &out)
{
    for (const manifest::MapEntry &entry : fields.entries()) {
        const std::string_view step = entry.key;
        if (step == ".")
            continue; // ownership of the container itself; its fields are listed
        PathStep next;
        const Node *child = nullptr;
        if (step.substr(0, 2) == "f:") {
            next.key = std::string(step.substr(2));
            child = node.isMap() ? node.find(next.key) : nullptr;
        } else if (step.size() > 2 && step[1] == ':') {
            next.index = findItem(node, step);
            child = next.index >= 0 && next.index < static_cast<int>(node.size()) ? &node.items()[next.index] : nullptr;
        }
        if (!child)
            continue;
        prefix.push_back(next);
        const bool leaf
            = !entry.value.isMap() || entry.value.empty() || (entry.value.size() == 1 && entry.value.find("."));
        if (leaf)
            out.push_back(prefix);
        else
            collectManaged(*child, entry.value, prefix, out);
        prefix.pop_back();
    }
}

} // namespace

void removePaths(Node &root, std::vector<FieldPath> paths)
{
    std::sort(paths.begin(), paths.end(), removeBefore);
    paths.erase(std::unique(paths.begin(), paths.end()), paths.end());
    for (const FieldPath &path : paths) {
        if (path.empty())
            continue;
        Node *parent = resolveMutable(root, path, path.size() - 1);
        if (!parent)
            continue;
        const PathStep &last = path.back();
        if (last.index >= 0) {
            if (parent->isSequence() && last.index < static_cast<int>(parent->items().size()))
                parent->items().erase(parent->items().begin() + last.index);
        } else if (parent->isMap()) {
            parent->remove(last.key);
        }
    }
}

std::vector<FieldPath> jsonPointerPaths(const Node &root, std::string_view pointer)
{
    if (pointer.empty() || pointer[0] != '/')
        return {};
    FieldPath path;
    const Node *node = &root;
    std::size_t start = 1;
    while (true) {
        const std::size_t end = pointer.find('/', start);
        const std::string token
            = unescapePointerToken(pointer.substr(start, end == std::string_view::npos ? end : end - start));
        PathStep step;
        if (node->isSequence()) {
            bool ok = false;
            step.index = QString::fromStdString(token).toInt(&ok);
            if (!ok || step.index < 0 || step.index >= static_cast<int>(node->items().size()))
                return {};
            node = &node->items()[step.index];
        } else if (node->isMap()) {
            step.key = token;
            node = node->find(token);
            if (!node)
                return {};
        } else {
            return {};
        }
        path.push_back(std::move(step));
        if (end == std::string_view::npos)
            break;
        start = end + 1;
    }
    return { path };
}

std::vector<FieldPath> managedFieldPaths(const Node &root, const Node &fieldsV1)
{
    std::vector<FieldPath> out;
    FieldPath prefix;
    if (fieldsV1.isMap())
        collectManaged(root, fieldsV1, prefix, out);
    return out;
}

} // namespace capstan::compare
