#pragma once

#include "argo/condition.h"

#include <map>
#include <string>
#include <vector>

namespace capstan::argo {

// The app-of-apps structure: which Applications each Application's rendered
// source produces, to any depth. Built from names only, so it can be computed
// before (and independently of) any cluster work.
struct AppTree
{
    // Application → the Applications its source renders (as given, deduplicated, in order).
    std::map<std::string, std::vector<std::string>> children;
    // Application → the Applications that render it (more than one is a conflict).
    std::map<std::string, std::vector<std::string>> parents;
    // Applications nothing renders, in name order; the tops of the tree.
    std::vector<std::string> roots;
    // Application → a cycle through it, as a path that starts and ends with it
    // ("root", "team", "root"). Only applications on a cycle are present.
    std::map<std::string, std::vector<std::string>> cycles;

    bool inCycle(const std::string &app) const { return cycles.count(app) != 0; }
    // Depth below its root: 0 for a root, 1 for its children, ...; -1 for an
    // application that no root reaches (one only on or under a cycle).
    int depth(const std::string &app) const;
    // Every application below `app`, parents before children, each once.
    std::vector<std::string> descendants(const std::string &app) const;
    // Conditions this structure puts on an application: an error when it is on
    // a cycle, a warning when more than one application renders it.
    std::vector<Condition> conditionsFor(const std::string &app) const;

    // Application → depth, for the applications a root reaches (see depth()).
    std::map<std::string, int> depths;
};

// Builds the tree from app → child apps. Every name mentioned (as a key or a
// child) becomes a node. Cycles, including an application that renders
// itself, are found and reported on each application on them; applications
// off the cycles are unaffected.
AppTree buildAppTree(const std::map<std::string, std::vector<std::string>> &childrenOf);

} // namespace capstan::argo
