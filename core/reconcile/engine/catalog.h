#pragma once

#include "argo/app_project.h"
#include "argo/application.h"
#include "argo/condition.h"
#include "git/snapshot.h"

#include <map>
#include <string>
#include <vector>

namespace capstan::engine {

// An Application definition that could not be read: its name (when the YAML
// parsed far enough to tell) and why.
struct BrokenApplication
{
    std::string name;
    argo::Condition condition;
};

// The Argo CD objects a revision of the repository defines in its files.
struct Catalog
{
    std::vector<argo::Application> applications; // in file order
    std::vector<BrokenApplication> broken;
    std::map<std::string, argo::AppProject> projects;
    std::vector<argo::Condition> errors; // files that could not be read at all
};

// Reads every YAML file of the snapshot that defines an Application or an
// AppProject. A file that cannot be read is reported, never fatal.
Catalog scanCatalog(const git::Snapshot &snapshot);

// Reads Applications and AppProjects out of a set of rendered objects (what an
// app-of-apps renders): Applications by name, broken ones as conditions.
void collectArgoObjects(const std::vector<manifest::Object> &objects, Catalog &into);

} // namespace capstan::engine
