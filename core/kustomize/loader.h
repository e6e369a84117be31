#pragma once

#include "common/result.h"
#include "kustomize/filesystem.h"
#include "kustomize/resource.h"
#include "manifest/node.h"
#include "manifest/object.h"

#include <string>
#include <vector>

namespace capstan::kustomize {

// Reads the files of one kustomization root under kustomize's default load
// restrictor: a file must lie in or below the root once symbolic links are
// resolved. Directories (bases, components) may be anywhere.
class Loader
{
public:
    static Result<Loader> open(const FileSystem &fs, const std::string &root);

    const FileSystem &fileSystem() const { return *m_fs; }
    const std::string &root() const { return m_root; }
    std::string absolute(const std::string &relative) const { return joinToCleanDir(m_root, relative); }

    // The text of a file named relative to the root.
    Result<std::string> load(const std::string &relative) const;
    // The file system's content key (see FileSystem::contentKey) of a file that
    // load() would read, or "" (also where load() would fail).
    std::string contentKey(const std::string &relative) const;
    // A loader for a directory named relative to this root; refuses cycles.
    Result<Loader> child(const std::string &relative) const;

private:
    const FileSystem *m_fs = nullptr;
    std::string m_root;
    std::string m_canonicalRoot;
    std::vector<std::string> m_ancestors; // canonical roots above this one
};

// True for what kustomize would fetch over the network (URLs, git repositories).
bool isRemoteReference(const std::string &path);

// kustomize turns every value of metadata.annotations into a string spelled as in
// the source ("0755", "~", "on"); text is the document source the node came from.
// Returns the typed values it replaced (when typed is given).
void stringifyAnnotations(manifest::Node &object, std::string_view text, std::vector<manifest::MapEntry> *typed = nullptr);

// The text of a plain scalar as written at mark (up to a comment or line end).
std::string plainSourceText(std::string_view text, manifest::Mark mark);
// For a string the reader turned from a YAML timestamp into RFC 3339: the text as
// written; otherwise "".
std::string originalTimestamp(const manifest::Node &node, std::string_view text);

// Parses a stream of Kubernetes objects, expanding `kind: List`.
Result<std::vector<Resource>> parseResourceStream(std::string_view text, const std::string &file);

} // namespace capstan::kustomize
