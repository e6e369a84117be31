#include "kustomize/loader.h"

#include "manifest/yaml_reader.h"
#include "manifest/yaml_scalar.h"

#include <cctype>

#include <algorithm>
#include <memory>

namespace capstan::kustomize {

using manifest::Node;

Result<Loader> Loader::open(const FileSystem &fs, const std::string &root)
{
    Loader loader;
    loader.m_fs = &fs;
    loader.m_root = cleanPath(root);
    if (!fs.isDirectory(loader.m_root))
        return makeError("must build at directory: not a valid directory", loader.m_root);
    auto canonical = fs.canonicalPath(loader.m_root);
    if (!canonical)
        return canonical.error();
    loader.m_canonicalRoot = *canonical;
    return loader;
}

Result<std::string> Loader::load(const std::string &relative) const
{
    const std::string path = absolute(relative);
    if (!m_fs->exists(path))
        return makeError("no such file", path);
    auto canonical = m_fs->canonicalPath(path);
    if (!canonical)
        return canonical.error();
    if (!isWithin(*canonical, m_canonicalRoot))
        return makeError("security; file '" + *canonical + "' is not in or below '" + m_canonicalRoot
                             + "' (kustomize's load restrictor)",
                         path);
    if (m_fs->isDirectory(path))
        return makeError("is a directory, expected a file", path);
    return m_fs->readFile(path);
}

std::string Loader::contentKey(const std::string &relative) const
{
    const std::string path = absolute(relative);
    if (!m_fs->exists(path) || m_fs->isDirectory(path))
        return {};
    auto canonical = m_fs->canonicalPath(path);
    if (!canonical || !isWithin(*canonical, m_canonicalRoot))
        return {};
    return m_fs->contentKey(path);
}

Result<Loader> Loader::child(const std::string &relative) const
{
    auto loader = open(*m_fs, absolute(relative));
    if (!loader)
        return loader;
    Loader &c = *loader;
    c.m_ancestors = m_ancestors;
    c.m_ancestors.push_back(m_canonicalRoot);
    for (const std::string &visited : c.m_ancestors)
        if (isWithin(visited, c.m_canonicalRoot))
            return makeError("cycle detected: candidate root '" + c.m_canonicalRoot + "' contains visited root '" + visited
                                 + "'",
                             c.m_root);
    return loader;
}

bool isRemoteReference(const std::string &path)
{
    return path.find("://") != std::string::npos || path.rfind("git@", 0) == 0 || path.rfind("github.com/", 0) == 0
        || path.rfind("gitlab.com/", 0) == 0 || path.rfind("bitbucket.org/", 0) == 0 || path.find("?ref=") != std::string::npos;
}

namespace {

} // namespace

// The plain-scalar source text at a 1-based line and column.
std::string plainSourceText(std::string_view text, manifest::Mark mark)
{
    if (mark.line <= 0 || mark.column <= 0)
        return {};
    std::size_t pos = 0;
    for (int line = 1; line < mark.line; ++line) {
        pos = text.find('\n', pos);
        if (pos == std::string_view::npos)
            return {};
        ++pos;
    }
    pos += static_cast<std::size_t>(mark.column - 1);
    if (pos > text.size())
        return {};
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos)
        end = text.size();
    std::string_view rest = text.substr(pos, end - pos);
    if (const auto comment = rest.find(" #"); comment != std::string_view::npos)
        rest = rest.substr(0, comment);
    if (!rest.empty() && (rest.back() == '\r'))
        rest.remove_suffix(1);
    while (!rest.empty() && (rest.back() == ' ' || rest.back() == '\t'))
        rest.remove_suffix(1);
    // In flow mappings the scalar ends at ',' or '}'.
    if (const auto flowEnd = rest.find_first_of(",}]"); flowEnd != std::string_view::npos)
        rest = rest.substr(0, flowEnd);
    while (!rest.empty() && rest.back() == ' ')
        rest.remove_suffix(1);
    return std::string(rest);
}

std::string originalTimestamp(const manifest::Node &node, std::string_view text)
{
    if (!node.isString() || node.text().find('T') == std::string::npos)
        return {};
    const std::string raw = plainSourceText(text, node.mark());
    std::string ignored;
    if (raw.empty() || raw[0] == '"' || raw[0] == '\'' || !manifest::yaml::parseTimestamp(raw, &ignored))
        return {};
    return raw;
}

namespace {

char charAt(std::string_view text, manifest::Mark mark)
{
    if (mark.line <= 0 || mark.column <= 0)
        return '\0';
    std::size_t pos = 0;
    for (int line = 1; line < mark.line; ++line) {
        pos = text.find('\n', pos);
        if (pos == std::string_view::npos)
            return '\0';
        ++pos;
    }
    pos += static_cast<std::size_t>(mark.column - 1);
    return pos < text.size() ? text[pos] : '\0';
}

// kustomize converts objects to JSON, which has only string keys: a plain key
// that YAML reads as a number, bool or null makes it fail.
Result<void> checkKeys(const Node &node, std::string_view text, const std::string &file)
{
    if (node.isSequence()) {
        for (const Node &item : node.items())
            if (!item.isScalar())
                if (auto ok = checkKeys(item, text, file); !ok)
                    return ok;
    } else if (node.isMap()) {
        for (const auto &entry : node.entries()) {
            const std::string &key = entry.key;
            const char first = key.empty() ? '\0' : key[0];
            // Only these can resolve to something else than a string: numbers, null
            // (~, null) and the booleans (true, false, no; none longer than five bytes).
            const bool suspicious = key.empty() || std::isdigit(static_cast<unsigned char>(first)) || first == '-'
                || first == '+' || first == '.' || first == '~'
                || (key.size() <= 5
                    && (first == 't' || first == 'T' || first == 'f' || first == 'F' || first == 'n' || first == 'N'));
            if (suspicious && manifest::yaml::resolvePlain(key).type != manifest::ScalarType::String) {
                const char source = charAt(text, entry.keyMark);
                if (source != '"' && source != '\'') {
                    std::string where = file;
                    if (entry.keyMark.line > 0)
                        where += ":" + std::to_string(entry.keyMark.line) + ":" + std::to_string(entry.keyMark.column);
                    return makeError("map key '" + key + "' is not a string (JSON, and so kustomize, only has string keys)",
                                     where);
                }
            }
            if (!entry.value.isScalar())
                if (auto ok = checkKeys(entry.value, text, file); !ok)
                    return ok;
        }
    }
    return {};
}

} // namespace

void stringifyAnnotations(Node &object, std::string_view text, std::vector<manifest::MapEntry> *typed)
{
    Node *metadata = object.find("metadata");
    if (!metadata || !metadata->isMap())
        return;
    Node *annotations = metadata->find("annotations");
    if (!annotations)
        return;
    if (annotations->isNull() || (annotations->isMap() && annotations->empty())) {
        metadata->remove("annotations");
        return;
    }
    if (!annotations->isMap())
        return;
    for (auto &entry : annotations->entries()) {
        Node &value = entry.value;
        if (!value.isScalar())
            continue;
        if (value.isString()) {
            // A timestamp stays as written (the reader spells it out in RFC 3339).
            if (std::string raw = originalTimestamp(value, text); !raw.empty()) {
                if (typed)
                    typed->push_back(manifest::MapEntry{entry.key, value, entry.keyMark});
                value.setScalar(raw, manifest::ScalarType::String);
            }
            continue;
        }
        std::string raw = plainSourceText(text, value.mark());
        if (value.isNull()) {
            if (raw != "~" && raw != "null" && raw != "Null" && raw != "NULL")
                raw.clear();
        } else if (raw.empty()) {
            raw = value.text();
        }
        const manifest::Mark mark = value.mark();
        if (typed)
            typed->push_back(manifest::MapEntry{entry.key, value, entry.keyMark});
        value = Node::string(raw);
        value.setMark(mark);
    }
}

Result<std::vector<Resource>> parseResourceStream(std::string_view text, const std::string &file)
{
    auto documents = manifest::parseDocuments(text, file);
    if (!documents)
        return documents.error();
    // kustomize skips empty documents, `null` and `{}`.
    std::vector<manifest::Object> objectList;
    const auto fileName = std::make_shared<const std::string>(file);
    for (std::size_t i = 0; i < documents->size(); ++i) {
        Node &doc = (*documents)[i];
        if (doc.isNull() || (doc.isMap() && doc.empty()))
            continue;
        if (!doc.isMap()) {
            std::string where = file;
            if (doc.mark().line > 0)
                where += ":" + std::to_string(doc.mark().line) + ":" + std::to_string(doc.mark().column);
            return makeError("expected a Kubernetes object (a mapping) as the document", where);
        }
        if (auto ok = checkKeys(doc, text, file); !ok)
            return ok.error();
        objectList.emplace_back(std::move(doc), manifest::Source{fileName, static_cast<int>(i)});
    }
    auto *objects = &objectList;
    std::vector<Resource> out;
    out.reserve(objects->size());
    const auto add = [&](Node root, const manifest::Source &source) {
        Resource r;
        stringifyAnnotations(root, text, &r.typedAnnotations);
        r.object = manifest::Object(std::move(root), source);
        out.push_back(std::move(r));
    };
    for (manifest::Object &object : *objects) {
        if (object.kind() == "List" && object.root().find("items")) {
            const Node &items = *object.root().find("items");
            if (items.isSequence()) {
                for (const Node &item : items.items()) {
                    if (!item.isMap())
                        return makeError("items of a List must be objects", object.where(&item));
                    add(item, object.source());
                }
            }
            continue;
        }
        add(std::move(object.root()), object.source());
    }
    return out;
}

} // namespace capstan::kustomize
