#include "diff/resourcediffs.h"

#include "manifest/object.h"
#include "manifest/yaml_writer.h"
#include "reconcile/compare/compare.h"
#include "reconcile/compare/secrets.h"

#include <deque>
#include <optional>
#include <string>
#include <unordered_map>

namespace capstan::ui {

namespace {

ResourceChange changeOf(const QByteArray &left, const QByteArray &right)
{
    if (left.isEmpty())
        return ResourceChange::Added;
    if (right.isEmpty())
        return ResourceChange::Removed;
    return ResourceChange::Modified;
}

// What makes two objects the same resource, whatever their API version.
std::string identity(const manifest::Object &object)
{
    const manifest::ResourceId id = object.id();
    return id.group + '\x1f' + id.kind + '\x1f' + id.ns + '\x1f' + id.name;
}

QByteArray yamlOf(const manifest::Node *node)
{
    return node ? QByteArray::fromStdString(manifest::emitYaml(*node)) : QByteArray();
}

// Both sides' YAML, Secret data masked together so equal values keep equal masks.
ResourceTexts textsOf(const manifest::Object &object, manifest::Node *left, manifest::Node *right)
{
    if ((left && compare::isSecret(*left)) || (right && compare::isSecret(*right)))
        compare::maskSecretData(left, right);
    return { QString::fromStdString(object.id().toString()), yamlOf(left), yamlOf(right) };
}

} // namespace

std::vector<ResourceTexts> pairObjects(
    const std::vector<manifest::Object> &left, const std::vector<manifest::Object> &right)
{
    // Right's objects by identity, each identity's in order, so pairing is linear.
    std::unordered_map<std::string, std::deque<std::size_t>> rightByIdentity;
    for (std::size_t i = 0; i < right.size(); ++i)
        rightByIdentity[identity(right[i])].push_back(i);

    std::vector<ResourceTexts> pairs;
    std::vector<bool> paired(right.size(), false);
    for (const manifest::Object &object : left) {
        manifest::Node leftNode = object.root();
        std::optional<manifest::Node> rightNode;
        const auto match = rightByIdentity.find(identity(object));
        if (match != rightByIdentity.end() && !match->second.empty()) {
            const std::size_t i = match->second.front();
            match->second.pop_front();
            paired[i] = true;
            rightNode = right[i].root();
        }
        pairs.push_back(textsOf(object, &leftNode, rightNode ? &*rightNode : nullptr));
    }
    for (std::size_t i = 0; i < right.size(); ++i) {
        if (paired[i])
            continue;
        manifest::Node rightNode = right[i].root();
        pairs.push_back(textsOf(right[i], nullptr, &rightNode));
    }
    return pairs;
}

std::vector<ResourceDiff> buildResourceDiffs(
    const std::vector<ResourceTexts> &resources, const QString &leftLabel, const QString &rightLabel)
{
    std::vector<ResourceDiff> diffs;
    for (const ResourceTexts &texts : resources) {
        if (texts.left == texts.right)
            continue;
        diffs.push_back({ texts.resource, changeOf(texts.left, texts.right), QString(),
            buildDiffDocument(leftLabel, texts.left, rightLabel, texts.right) });
    }
    return diffs;
}

std::vector<ResourceDiff> buildResourceDiffs(
    const compare::CompareResult &result, const QString &liveLabel, const QString &desiredLabel)
{
    std::vector<ResourceDiff> diffs;
    for (const compare::ResourceComparison &resource : result.resources) {
        if (resource.status == compare::ResourceStatus::Synced)
            continue;
        const QByteArray live = QByteArray::fromStdString(resource.liveYaml);
        const QByteArray desired = QByteArray::fromStdString(resource.desiredYaml);
        diffs.push_back({ QString::fromStdString(resource.id.toString()), changeOf(live, desired),
            QString::fromLatin1(compare::toString(resource.status)),
            buildDiffDocument(liveLabel, live, desiredLabel, desired) });
    }
    return diffs;
}

} // namespace capstan::ui
