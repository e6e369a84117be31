#pragma once

// Server-side-apply field ownership: which fields each manager set, in Kubernetes'
// fieldsV1 vocabulary ("f:spec", "k:{\"name\":\"web\"}"), and the merge of an applied
// configuration into a live object.

#include "manifest/node.h"

#include <set>
#include <string>
#include <vector>

namespace capstan::cluster::detail {

// A path to an owned field: "f:<key>" steps through maps, "k:<json>" picks a list
// item by its merge key. A path ending in "k:..." stands for the list item itself.
using FieldPath = std::vector<std::string>;
using FieldSet = std::set<FieldPath>;

// One entry of metadata.managedFields.
struct ManagedFieldsEntry
{
    std::string manager;
    std::string operation; // "Apply" or "Update"
    std::string apiVersion;
    std::string time;
    FieldSet fields;
};

// The leaf fields a configuration sets. Maps recurse; lists with a merge key
// (containers by name, ports by port, ...) recurse per item; other lists, scalars
// and empty maps are leaves.
FieldSet fieldSetOf(const manifest::Node &config);
// The leaves of `after` whose value differs from `before` (an Update's ownership).
FieldSet changedFields(const manifest::Node &before, const manifest::Node &after);

const manifest::Node *valueAt(const manifest::Node &object, const FieldPath &path);
void removeAt(manifest::Node &object, const FieldPath &path);
// Applies `config` onto `live`: maps merge, keyed lists merge by key, anything else is replaced.
manifest::Node mergeApplied(const manifest::Node &live, const manifest::Node &config);

// ".spec.template.spec.containers[name=\"web\"].image", as conflict messages print it.
std::string pathToString(const FieldPath &path);
bool isItemPath(const FieldPath &path);
// Whether `set` holds `path` or anything below it.
bool ownsAtOrBelow(const FieldSet &set, const FieldPath &path);

std::vector<ManagedFieldsEntry> readManagedFields(const manifest::Node &object);
void writeManagedFields(manifest::Node &object, const std::vector<ManagedFieldsEntry> &entries);

} // namespace capstan::cluster::detail
