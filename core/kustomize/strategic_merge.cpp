#include "kustomize/strategic_merge.h"

#include "kustomize/merge_schema.h"

#include <algorithm>

namespace capstan::kustomize {

using manifest::Node;

namespace {

class Merger
{
public:
    explicit Merger(std::string kind) : m_kind(std::move(kind)) {}

    // Merges patch into dest where it is; false when the patch deletes dest.
    bool mergeMapInPlace(Node &dest, const Node &patch, SchemaType type) const
    {
        // Without a schema, kyaml takes a map naming a known apiVersion and kind
        // (the target's first, then the patch's) as an object of that kind.
        if (type == SchemaType::None && (type = embeddedObjectSchema(dest)) == SchemaType::None)
            type = embeddedObjectSchema(patch);
        if (const Node *directive = patch.find("$patch"); directive && directive->isScalar()) {
            if (directive->text() == "delete")
                return false;
            if (directive->text() == "replace") {
                dest = patch;
                dest.remove("$patch");
                normalize(dest, type);
                return true;
            }
        }
        if (!dest.isMap())
            dest = Node::map();
        // kyaml walks every field of the target, not only the patched ones, and so
        // re-merges every keyed list it meets (collapsing duplicate keys).
        for (auto &entry : dest.entries())
            if (!patch.find(entry.key))
                normalizeField(entry.value, fieldSchema(type, entry.key, m_kind));
        for (const auto &entry : patch.entries()) {
            if (entry.key == "$patch")
                continue;
            const Node &value = entry.value;
            if (value.isNull()) {
                dest.remove(entry.key);
                continue;
            }
            const FieldSchema schema = fieldSchema(type, entry.key, m_kind);
            if (value.isMap()) {
                // New content is merged with itself, as kyaml walks it (directives apply).
                Node *existing = dest.find(entry.key);
                if (!existing)
                    existing = &dest.set(entry.key, value);
                else if (existing->isNull())
                    *existing = value;
                if (!mergeMapInPlace(*existing, value, schema.type))
                    dest.remove(entry.key);
                continue;
            }
            if (value.isSequence() && schema.mergeList) {
                Node *existing = dest.find(entry.key);
                if (existing && existing->isSequence() && mergeDistinctList(*existing, value, schema))
                    continue;
                std::optional<Node> merged = mergeList(existing && existing->isSequence() ? existing : nullptr, value, schema);
                if (merged)
                    dest.set(entry.key, std::move(*merged));
                else
                    dest.remove(entry.key);
                continue;
            }
            dest.set(entry.key, value);
        }
        return true;
    }

    // The target's own keyed lists, re-merged as kyaml does when it walks them.
    void normalize(Node &node, SchemaType type) const
    {
        if (!node.isMap() || (type == SchemaType::None && (type = embeddedObjectSchema(node)) == SchemaType::None))
            return;
        for (auto &entry : node.entries())
            normalizeField(entry.value, fieldSchema(type, entry.key, m_kind));
    }

    void normalizeField(Node &value, const FieldSchema &schema) const
    {
        if (schema.type == SchemaType::None && !value.isMap())
            return;
        if (value.isMap()) {
            normalize(value, schema.type);
        } else if (value.isSequence() && schema.mergeList) {
            if (normalizeDistinctList(value, schema))
                return;
            if (std::optional<Node> merged = mergeList(&value, Node::sequence(), schema))
                value = std::move(*merged);
        }
    }

    enum class Directives { Allowed, Refused };

    // Whether every item of list is a non-empty map whose field key holds a
    // non-empty scalar no other item's does (and, Refused, no "$patch"); the
    // values in out, in order.
    static bool distinctKeys(const Node &list, const std::string &key, Directives directives,
                             std::vector<const std::string *> &out)
    {
        out.reserve(list.items().size());
        for (const Node &item : list.items()) {
            if (!item.isMap() || item.empty() || (directives == Directives::Refused && item.find("$patch")))
                return false;
            const Node *field = item.find(key);
            if (!field || !field->isScalar() || field->isNull() || field->text().empty())
                return false;
            for (const std::string *other : out)
                if (*other == field->text())
                    return false;
            out.push_back(&field->text());
        }
        return true;
    }

    // The common case of re-merging a target's list with nothing, done in place:
    // every item a map whose one merge key holds a distinct non-empty scalar.
    // mergeList then keeps every item, in order, each normalized; false (and
    // nothing changed) for any other list.
    bool normalizeDistinctList(Node &list, const FieldSchema &schema) const
    {
        if (schema.keys.size() != 1 || schema.keys[0].empty() || list.empty())
            return false;
        std::vector<const std::string *> seen;
        if (!distinctKeys(list, schema.keys[0], Directives::Allowed, seen))
            return false;
        for (Node &item : list.items())
            normalize(item, schema.type);
        return true;
    }

    // The common case of merging a keyed list, done in place: one merge key, and
    // every item of both lists a map, without directives, whose key holds a
    // scalar distinct within its list. kyaml's result (mergeList) is then the
    // patch's items in the patch's order, each merged onto the target's item of
    // the same key where there is one, followed by the target's other items in
    // theirs, normalized. False, with nothing changed, for any other list.
    bool mergeDistinctList(Node &dest, const Node &patch, const FieldSchema &schema) const
    {
        if (schema.keys.size() != 1 || schema.keys[0].empty())
            return false;
        const std::string &key = schema.keys[0];
        std::vector<const std::string *> destKeys, patchKeys;
        if (!distinctKeys(dest, key, Directives::Refused, destKeys)
            || !distinctKeys(patch, key, Directives::Refused, patchKeys))
            return false;
        std::vector<Node> &destItems = dest.items();
        std::vector<bool> used(destItems.size(), false);
        std::vector<Node> merged;
        merged.reserve(destItems.size() + patch.items().size());
        for (std::size_t p = 0; p < patchKeys.size(); ++p) {
            const Node &patchItem = patch.items()[p];
            std::size_t d = 0;
            while (d < destKeys.size() && (used[d] || *destKeys[d] != *patchKeys[p]))
                ++d;
            if (d < destKeys.size()) {
                used[d] = true;
                merged.push_back(std::move(destItems[d]));
            } else {
                merged.push_back(patchItem); // new content is merged with itself
            }
            mergeMapInPlace(merged.back(), patchItem, schema.type); // true: no directive
        }
        for (std::size_t d = 0; d < destItems.size(); ++d) {
            if (used[d])
                continue;
            merged.push_back(std::move(destItems[d]));
            normalize(merged.back(), schema.type);
        }
        destItems = std::move(merged);
        return true;
    }

    std::optional<Node> mergeMap(const Node *dest, const Node &patch, SchemaType type) const
    {
        Node result = dest ? *dest : Node::map();
        if (!mergeMapInPlace(result, patch, type))
            return std::nullopt;
        return result;
    }

private:
    using Items = std::vector<Node>;
    using Strings = std::vector<std::string>;

    static bool isPrimitive(const Strings &keys) { return keys.empty() || keys[0].empty(); }

    // kyaml's FieldMatcher{Name, StringValue}: the field must exist; an empty
    // value matches any value.
    static bool setterFieldMatches(const Node &elem, const std::string &key, const std::string &value)
    {
        if (key.empty())
            return elem.isScalar() && elem.text() == value;
        if (!elem.isMap())
            return false;
        const Node *field = elem.find(key);
        return field && (value.empty() || (field->isScalar() && field->text() == value));
    }

    // kyaml's ElementSetter: replaces (or, without element, removes) the items
    // matching keys/values and appends element when nothing matched.
    static void setElement(Items &items, const Node *element, const Strings &keys, const Strings &values)
    {
        const bool mappingSetter = !isPrimitive(keys);
        Items out;
        bool matched = false;
        for (Node &item : items) {
            if (item.isNull() || (item.isMap() && item.empty()))
                continue;
            if (!item.isMap() && mappingSetter) {
                out.push_back(std::move(item));
                continue;
            }
            bool found = true;
            bool last = false;
            for (std::size_t j = 0; j < std::max<std::size_t>(keys.size(), 1); ++j) {
                if (j < values.size())
                    last = setterFieldMatches(item, keys.empty() ? std::string() : keys[j], values[j]);
                if (!last) {
                    found = false;
                    break;
                }
            }
            if (!found) {
                if (!values.empty())
                    out.push_back(std::move(item));
                continue;
            }
            matched = true;
            if (element)
                out.push_back(*element);
        }
        items = std::move(out);
        if (!element || element->isNull())
            return;
        if (!matched)
            items.push_back(*element);
    }

    // kyaml's ElementMatcher (MatchElementList): the first item whose fields equal values.
    static int findElement(const Items &items, const Strings &keys, const Strings &values)
    {
        for (std::size_t i = 0; i < items.size(); ++i) {
            const Node &item = items[i];
            if (isPrimitive(keys)) {
                if ((item.isScalar() ? item.text() : std::string()) == values[0])
                    return static_cast<int>(i);
                continue;
            }
            if (!item.isMap())
                continue;
            bool all = true;
            for (std::size_t k = 0; k < keys.size() && all; ++k) {
                const Node *field = item.find(keys[k]);
                all = field && (field->isScalar() ? field->text() : std::string()) == values[k];
            }
            if (all)
                return static_cast<int>(i);
        }
        return -1;
    }

    static std::string elementValue(const Node &item, const std::string &key)
    {
        if (!item.isMap())
            return {};
        const Node *field = item.find(key);
        if (!field || field->isNull() || !field->isScalar())
            return {};
        return field->text();
    }

    // Keys that have a value in some tuple (all keys when none has).
    static void validKeys(const std::vector<Strings> &all, const Strings &values, const Strings &keys, Strings &outKeys,
                          Strings &outValues)
    {
        std::vector<bool> valid(keys.size(), false);
        bool any = false;
        for (const Strings &tuple : all)
            for (std::size_t i = 0; i < tuple.size() && i < keys.size(); ++i)
                if (!tuple[i].empty())
                    valid[i] = any = true;
        outKeys.clear();
        outValues.clear();
        if (!any) {
            outKeys = keys;
            outValues = values;
            return;
        }
        for (std::size_t i = 0; i < keys.size(); ++i)
            if (valid[i])
                outKeys.push_back(keys[i]);
        for (std::size_t i = 0; i < values.size(); ++i)
            if (!values[i].empty() || valid[i])
                outValues.push_back(values[i]);
    }

    static std::vector<Strings> mergeValues(std::vector<Strings> list)
    {
        for (std::size_t i = 0; i < list.size(); ++i) {
            const Strings first = list[i];
            for (std::size_t j = 0; j < list.size(); ++j) {
                const Strings &second = list[j];
                if (first.size() != second.size())
                    continue;
                bool common = false, conflict = false;
                Strings merged;
                for (std::size_t k = 0; k < first.size(); ++k) {
                    if (first[k] == second[k]) {
                        common = true;
                        merged.push_back(first[k]);
                    } else if (!first[k].empty() && !second[k].empty()) {
                        conflict = true;
                        break;
                    } else {
                        merged.push_back(first[k].empty() ? second[k] : first[k]);
                    }
                }
                if (!conflict && common) {
                    list[i] = merged;
                    list[j] = merged;
                }
            }
        }
        return list;
    }

    // kyaml merge2 on an associative list, patch items first (kustomize prepends).
    std::optional<Node> mergeList(const Node *dest, const Node &patch, const FieldSchema &schema) const
    {
        Items patchItems = patch.items();
        Items destItems;
        bool replaced = false;
        if (!dest) {
            // kyaml takes a list the target lacks as it is, directives included.
            destItems = patchItems;
        } else {
            // A list-level directive: the first item with `$patch`, when that is its only field.
            for (const Node &item : patchItems) {
                if (!item.isMap() || !item.find("$patch"))
                    continue;
                if (item.size() == 1) {
                    const std::string directive = item.find("$patch")->text();
                    const auto isDirective = [&](const Node &n) {
                        const Node *d = n.isMap() ? n.find("$patch") : nullptr;
                        return d && d->isScalar() && d->text() == directive;
                    };
                    patchItems.erase(std::remove_if(patchItems.begin(), patchItems.end(), isDirective), patchItems.end());
                    if (directive == "delete")
                        return std::nullopt;
                    replaced = directive == "replace";
                }
                break;
            }
            // Replacing: the patch's list is merged with itself (its duplicates collapse).
            // When the list is merged with itself (new content), eliding the directive
            // from the patch elides it from the target too.
            destItems = replaced || *dest == patch ? patchItems : dest->items();
        }
        const Strings keys = schema.keys.empty() ? Strings{std::string()} : schema.keys;

        // Key tuples: the patch's first, then the target's; unique.
        std::vector<Strings> valuesList;
        for (const Items *source : {&patchItems, &destItems}) {
            for (const Node &item : *source) {
                Strings tuple;
                if (isPrimitive(keys))
                    tuple.push_back(item.isScalar() ? item.text() : std::string());
                else
                    for (const std::string &key : keys)
                        tuple.push_back(elementValue(item, key));
                if (std::find(valuesList.begin(), valuesList.end(), tuple) == valuesList.end())
                    valuesList.push_back(std::move(tuple));
            }
        }
        if (keys.size() > 1)
            valuesList = mergeValues(valuesList);

        Items toAdd;
        Strings lastKeys = keys;
        for (const Strings &values : valuesList) {
            if (values.empty())
                continue;
            Strings useKeys, useValues;
            validKeys(valuesList, values, keys, useKeys, useValues);
            lastKeys = useKeys;
            Strings matchKeys, matchValues;
            validKeys({useValues}, useValues, useKeys, matchKeys, matchValues);
            const int destIndex = findElement(destItems, matchKeys, matchValues);
            const int patchIndex = findElement(patchItems, matchKeys, matchValues);
            std::optional<Node> value;
            if (patchIndex < 0 && destIndex < 0) {
                value.reset(); // kyaml walks two missing elements to nothing
            } else if (patchIndex < 0) {
                value = destItems[static_cast<std::size_t>(destIndex)];
                normalize(*value, schema.type);
            } else if (patchItems[static_cast<std::size_t>(patchIndex)].isMap()) {
                const Node &patchItem = patchItems[static_cast<std::size_t>(patchIndex)];
                value = mergeMap(destIndex >= 0 ? &destItems[static_cast<std::size_t>(destIndex)] : &patchItem, patchItem,
                                 schema.type);
            } else {
                value = patchItems[static_cast<std::size_t>(patchIndex)];
            }
            if (!value || value->isNull() || (value->isMap() && value->empty())) {
                setElement(destItems, nullptr, useKeys, useValues);
                continue;
            }
            if (value->isMap())
                for (std::size_t i = 0; i < useKeys.size() && i < useValues.size(); ++i)
                    if (!useKeys[i].empty() && !value->find(useKeys[i]) && !useValues[i].empty())
                        value->set(useKeys[i], Node::string(useValues[i]));
            if (destIndex >= 0)
                destItems[static_cast<std::size_t>(destIndex)] = *value; // kyaml merges in place
            setElement(toAdd, &*value, useKeys, useValues);
        }
        if (!valuesList.empty()) {
            // Then every target item, replacing its merged copy or appended.
            for (const Node &item : destItems) {
                if (isPrimitive(lastKeys)) {
                    setElement(toAdd, &item, {std::string()}, {item.isScalar() ? item.text() : std::string()});
                    continue;
                }
                Strings values;
                for (const std::string &key : lastKeys) {
                    const Node *field = item.isMap() ? item.find(key) : nullptr;
                    if (!field) {
                        toAdd.push_back(item);
                        continue;
                    }
                    values.push_back(field->isScalar() ? field->text() : std::string());
                }
                if (lastKeys.size() > 1)
                    setElement(toAdd, nullptr, lastKeys, values);
                setElement(toAdd, &item, lastKeys, values);
            }
        } else {
            toAdd = destItems;
        }
        Node result = Node::sequence();
        result.items() = std::move(toAdd);
        return result;
    }

    std::string m_kind;
};

} // namespace

Result<std::optional<Node>> strategicMerge(const Node &target, const Node &patch)
{
    Node result = target;
    auto kept = strategicMergeInPlace(result, patch);
    if (!kept)
        return kept.error();
    if (!*kept)
        return std::optional<Node>();
    return std::optional<Node>(std::move(result));
}

Result<bool> strategicMergeInPlace(Node &target, const Node &patch)
{
    if (!patch.isMap())
        return makeError("a strategic merge patch must be a map");
    const std::string apiVersion = target.textAt({"apiVersion"});
    const std::string kind = target.textAt({"kind"});
    Merger merger(kind);
    return merger.mergeMapInPlace(target, patch, objectSchema(apiVersion, kind));
}

} // namespace capstan::kustomize
