#pragma once

#include "manifest/node.h"

namespace capstan::compare {

// Removes what the API server writes and Git never states: status,
// metadata.uid/resourceVersion/generation/creationTimestamp/managedFields/
// selfLink/deletionTimestamp, the kubectl last-applied annotation (it holds
// a copy of everything, secrets included) and a metadata.annotations or
// labels map left empty by that.
void stripServerFields(manifest::Node &object);

// A Secret's `stringData` folded into `data` as base64, as the API server
// stores it, so a Secret written with stringData compares equal to its live copy.
void foldStringData(manifest::Node &secret);

// Live cut down to the fields desired sets (Argo CD's "desired fields vs
// live"): keys desired does not set are dropped, so defaults the server added
// do not count. Sequences of mappings are matched by key (mountPath,
// devicePath, containerPort, port, name — the first one every desired item
// has, uniquely), other sequences by position. Resource quantities
// (resources.requests/limits, ResourceQuota hard, sizeLimit) that are equal
// in value ("0.5" and "500m") take desired's spelling. Where desired sets a
// null or an empty map or list and live has nothing, desired's is dropped too.
void pruneToDesired(manifest::Node &live, manifest::Node &desired);

} // namespace capstan::compare
