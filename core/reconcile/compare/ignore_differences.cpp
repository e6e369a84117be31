#include "reconcile/compare/ignore_differences.h"

#include "reconcile/compare/field_path.h"
#include "reconcile/compare/jq_path.h"

#include <QRegularExpression>

namespace capstan::compare {

using manifest::Node;

namespace {

bool globMatches(const std::string &pattern, const std::string &value)
{
    if (pattern == "*" || pattern == value)
        return true;
    if (pattern.find_first_of("*?[") == std::string::npos)
        return false;
    const QRegularExpression re(QRegularExpression::anchoredPattern(QRegularExpression::wildcardToRegularExpression(
        QString::fromStdString(pattern), QRegularExpression::UnanchoredWildcardConversion)));
    return re.match(QString::fromStdString(value)).hasMatch();
}

capstan::Result<std::vector<std::string>> stringList(const Node &entry, std::string_view key)
{
    std::vector<std::string> out;
    const Node *list = entry.find(key);
    if (!list || list->isNull())
        return out;
    if (!list->isSequence())
        return capstan::makeError("ignoreDifferences: " + std::string(key) + " must be a list of strings");
    for (const Node &item : list->items()) {
        if (!item.isScalar())
            return capstan::makeError("ignoreDifferences: " + std::string(key) + " must be a list of strings");
        out.push_back(item.text());
    }
    return out;
}

// The managers listed, from live's managedFields, with the fieldsV1 they own.
std::vector<const Node *> managedFieldsOf(const Node &live, const std::vector<std::string> &managers)
{
    std::vector<const Node *> out;
    const Node *entries = live.at({ "metadata", "managedFields" });
    if (!entries || !entries->isSequence())
        return out;
    for (const Node &entry : entries->items()) {
        const std::string manager = entry.textAt({ "manager" });
        const Node *fields = entry.find("fieldsV1");
        if (!fields)
            continue;
        for (const std::string &wanted : managers)
            if (manager == wanted)
                out.push_back(fields);
    }
    return out;
}

} // namespace

bool IgnoreDifference::matches(const manifest::ResourceId &id) const
{
    return globMatches(group.empty() ? std::string() : group, id.group) && globMatches(kind, id.kind)
        && (name.empty() || name == id.name) && (ns.empty() || ns == id.ns);
}

capstan::Result<std::vector<IgnoreDifference>> parseIgnoreDifferences(const Node &sequence)
{
    std::vector<IgnoreDifference> rules;
    if (sequence.isNull())
        return rules;
    if (!sequence.isSequence())
        return capstan::makeError("ignoreDifferences must be a list");
    for (const Node &entry : sequence.items()) {
        if (!entry.isMap())
            return capstan::makeError("ignoreDifferences entries must be mappings");
        IgnoreDifference rule;
        rule.group = entry.textAt({ "group" });
        rule.kind = entry.textAt({ "kind" });
        rule.name = entry.textAt({ "name" });
        rule.ns = entry.textAt({ "namespace" });
        if (rule.kind.empty())
            return capstan::makeError("ignoreDifferences entry without a kind");
        auto pointers = stringList(entry, "jsonPointers");
        auto jq = stringList(entry, "jqPathExpressions");
        auto managers = stringList(entry, "managedFieldsManagers");
        if (!pointers)
            return pointers.error();
        if (!jq)
            return jq.error();
        if (!managers)
            return managers.error();
        rule.jsonPointers = std::move(*pointers);
        rule.jqPathExpressions = std::move(*jq);
        rule.managedFieldsManagers = std::move(*managers);
        rules.push_back(std::move(rule));
    }
    return rules;
}

capstan::Result<void> applyIgnoreDifferences(
    const std::vector<IgnoreDifference> &rules, const manifest::ResourceId &id, Node *desired, Node *live)
{
    for (const IgnoreDifference &rule : rules) {
        if (!rule.matches(id))
            continue;
        std::vector<const Node *> managed;
        if (live && !rule.managedFieldsManagers.empty())
            managed = managedFieldsOf(*live, rule.managedFieldsManagers);
        for (Node *side : { desired, live }) {
            if (!side)
                continue;
            std::vector<FieldPath> paths;
            for (const std::string &pointer : rule.jsonPointers)
                for (FieldPath &p : jsonPointerPaths(*side, pointer))
                    paths.push_back(std::move(p));
            for (const std::string &expression : rule.jqPathExpressions) {
                auto selected = jqPaths(*side, expression);
                if (!selected)
                    return capstan::makeError(selected.error().message, id.toString());
                for (FieldPath &p : *selected)
                    paths.push_back(std::move(p));
            }
            for (const Node *fields : managed)
                for (FieldPath &p : managedFieldPaths(*side, *fields))
                    paths.push_back(std::move(p));
            removePaths(*side, std::move(paths));
        }
    }
    return {};
}

} // namespace capstan::compare
