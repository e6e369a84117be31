#include "kustomize/kustomization.h"

#include "kustomize/loader.h"

#include <algorithm>
#include <charconv>
#include <initializer_list>
#include <set>

namespace capstan::kustomize {

using manifest::Node;
using manifest::ScalarType;

namespace {

const char *const kEditFix = "Run 'kustomize edit fix' to update your Kustomization automatically.";

std::string deprecated(const std::string &name, const std::string &successor, bool experimental = false)
{
    return "# Warning: '" + name + "' is deprecated. Please use '" + successor + "' instead. "
        + (experimental ? "[EXPERIMENTAL] " : "") + kEditFix;
}

// The value at key, or a null node.
const Node &child(const Node &node, std::string_view key)
{
    static const Node null;
    const Node *c = node.find(key);
    return c ? *c : null;
}

// A field's dotted name ("patches.target.kind"), spelled out only when an
// error names it: reading a kustomization that is fine builds none.
class FieldName
{
public:
    FieldName(const char *name) : m_leaf(name) {}
    FieldName(const std::string &name) : m_leaf(name) {}

    // The name with suffix appended; refers to this one, so it lives no longer
    // than the expression (or call) it is made for.
    FieldName operator+(std::string_view suffix) const { return FieldName(this, suffix); }

    std::string str() const { return m_parent ? m_parent->str() + std::string(m_leaf) : std::string(m_leaf); }

private:
    FieldName(const FieldName *parent, std::string_view leaf) : m_parent(parent), m_leaf(leaf) {}

    const FieldName *m_parent = nullptr;
    std::string_view m_leaf;
};

// Reads typed values out of the document, naming the file, position and field on failure.
class FieldReader
{
public:
    FieldReader(const std::string &file, std::string_view text) : m_file(file), m_text(text) {}

    Error error(const Node &node, const FieldName &field, const std::string &expected) const
    {
        std::string where = m_file;
        if (node.mark().line > 0)
            where += ":" + std::to_string(node.mark().line) + ":" + std::to_string(node.mark().column);
        return makeError("field '" + field.str() + "': expected " + expected, where);
    }

    // kustomize reads its file as YAML 1.1 into JSON before typed decoding: only
    // strings (and null) fit a string field, and an unquoted yes/no/on/off is a bool.
    Result<std::string> string(const Node &node, const FieldName &field) const
    {
        if (node.isNull())
            return std::string();
        if (!node.isString())
            return error(node, field, "a string");
        if (isYaml11Bool(node.text()) && !quoted(node))
            return error(node, field, "a string (unquoted '" + node.text() + "' is a boolean in kustomize's YAML)");
        if (std::string raw = originalTimestamp(node, m_text); !raw.empty())
            return raw;
        return node.text();
    }

    static bool isYaml11Bool(std::string_view text)
    {
        // y, yes, n, no, on, off in lower case, capitalised or upper case.
        if (text.empty() || text.size() > 3)
            return false;
        static constexpr std::string_view words[] = {"y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO",
                                                     "on", "On", "ON", "off", "Off", "OFF"};
        for (std::string_view word : words)
            if (word == text)
                return true;
        return false;
    }

    bool quoted(const Node &node) const
    {
        const manifest::Mark mark = node.mark();
        if (m_text.empty() || mark.line <= 0 || mark.column <= 0)
            return true;
        std::size_t pos = 0;
        for (int line = 1; line < mark.line && pos != std::string_view::npos; ++line) {
            pos = m_text.find('\n', pos);
            if (pos != std::string_view::npos)
                ++pos;
        }
        if (pos == std::string_view::npos)
            return true;
        pos += static_cast<std::size_t>(mark.column - 1);
        return pos >= m_text.size() || m_text[pos] == '"' || m_text[pos] == '\'';
    }

    Result<bool> boolean(const Node &node, const FieldName &field) const
    {
        if (node.isNull())
            return false;
        if (!node.isScalar() || node.scalarType() != ScalarType::Bool)
            return error(node, field, "true or false");
        return node.text() == "true";
    }

    Result<std::vector<std::string>> strings(const Node &node, const FieldName &field) const
    {
        std::vector<std::string> out;
        if (node.isNull())
            return out;
        if (!node.isSequence())
            return error(node, field, "a list of strings");
        for (const Node &item : node.items()) {
            if (!item.isScalar() || item.isNull())
                return error(item, field, "a list of strings");
            auto text = string(item, field);
            if (!text)
                return text.error();
            out.push_back(std::move(*text));
        }
        return out;
    }

    Result<StringPairs> stringMap(const Node &node, const FieldName &field) const
    {
        StringPairs out;
        if (node.isNull())
            return out;
        if (!node.isMap())
            return error(node, field, "a map of strings");
        for (const auto &e : node.entries()) {
            auto text = string(e.value, field + "." + e.key);
            if (!text)
                return text.error();
            out.emplace_back(e.key, std::move(*text));
        }
        return out;
    }

    Result<void> onlyKeys(const Node &node, const FieldName &field,
                          std::initializer_list<std::string_view> allowed) const
    {
        if (!node.isMap())
            return error(node, field, "a map");
        for (const auto &e : node.entries())
            if (std::find(allowed.begin(), allowed.end(), e.key) == allowed.end())
                return error(e.value, field, "no field '" + e.key + "' (unknown field)");
        return {};
    }

private:
    std::string m_file;
    std::string_view m_text;
};

#define CAPSTAN_TRY_ASSIGN(target, expr)                                                                               \
    do {                                                                                                               \
        auto _r = (expr);                                                                                              \
        if (!_r)                                                                                                       \
            return _r.error();                                                                                         \
        target = std::move(_r.value());                                                                                \
    } while (false)

Result<Selector> parseSelector(const FieldReader &r, const Node &node, const FieldName &field)
{
    if (auto ok = r.onlyKeys(node, field,
                             {"group", "version", "kind", "name", "namespace", "labelSelector", "annotationSelector"});
        !ok)
        return ok.error();
    Selector s;
    CAPSTAN_TRY_ASSIGN(s.gvk.group, r.string(child(node, "group"), field + ".group"));
    CAPSTAN_TRY_ASSIGN(s.gvk.version, r.string(child(node, "version"), field + ".version"));
    CAPSTAN_TRY_ASSIGN(s.gvk.kind, r.string(child(node, "kind"), field + ".kind"));
    CAPSTAN_TRY_ASSIGN(s.name, r.string(child(node, "name"), field + ".name"));
    CAPSTAN_TRY_ASSIGN(s.ns, r.string(child(node, "namespace"), field + ".namespace"));
    CAPSTAN_TRY_ASSIGN(s.labelSelector,
                       r.string(child(node, "labelSelector"), field + ".labelSelector"));
    CAPSTAN_TRY_ASSIGN(s.annotationSelector, r.string(child(node, "annotationSelector"),
                                                      field + ".annotationSelector"));
    return s;
}

Result<std::vector<PatchSpec>> parsePatches(const FieldReader &r, const Node &node, const FieldName &field)
{
    std::vector<PatchSpec> out;
    if (node.isNull())
        return out;
    if (!node.isSequence())
        return r.error(node, field, "a list of patches");
    for (const Node &item : node.items()) {
        if (auto ok = r.onlyKeys(item, field, {"path", "patch", "target", "options"}); !ok)
            return ok.error();
        PatchSpec p;
        CAPSTAN_TRY_ASSIGN(p.path, r.string(child(item, "path"), field + ".path"));
        CAPSTAN_TRY_ASSIGN(p.patch, r.string(child(item, "patch"), field + ".patch"));
        if (const Node *t = item.find("target"); t && !t->isNull())
            CAPSTAN_TRY_ASSIGN(p.target, parseSelector(r, *t, field + ".target"));
        if (const Node *o = item.find("options"); o && !o->isNull()) {
            CAPSTAN_TRY_ASSIGN(p.allowNameChange, r.boolean(child(*o, "allowNameChange"), field + ".options"));
            CAPSTAN_TRY_ASSIGN(p.allowKindChange, r.boolean(child(*o, "allowKindChange"), field + ".options"));
        }
        out.push_back(std::move(p));
    }
    return out;
}

Result<GeneratorOptions> parseOptions(const FieldReader &r, const Node &node, const FieldName &field)
{
    if (auto ok = r.onlyKeys(node, field, {"labels", "annotations", "disableNameSuffixHash", "immutable"}); !ok)
        return ok.error();
    GeneratorOptions o;
    CAPSTAN_TRY_ASSIGN(o.labels, r.stringMap(child(node, "labels"), field + ".labels"));
    CAPSTAN_TRY_ASSIGN(o.annotations, r.stringMap(child(node, "annotations"), field + ".annotations"));
    if (node.find("disableNameSuffixHash"))
        CAPSTAN_TRY_ASSIGN(o.disableNameSuffixHash, r.boolean(child(node, "disableNameSuffixHash"), field));
    if (node.find("immutable"))
        CAPSTAN_TRY_ASSIGN(o.immutable, r.boolean(child(node, "immutable"), field));
    return o;
}

Result<std::vector<GeneratorSpec>> parseGenerators(const FieldReader &r, const Node &node, const FieldName &field)
{
    std::vector<GeneratorSpec> out;
    if (node.isNull())
        return out;
    if (!node.isSequence())
        return r.error(node, field, "a list of generators");
    for (const Node &item : node.items()) {
        if (auto ok = r.onlyKeys(item, field,
                                 {"name", "namespace", "behavior", "type", "literals", "files", "envs", "env",
                                  "options", "kvSources"});
            !ok)
            return ok.error();
        GeneratorSpec g;
        CAPSTAN_TRY_ASSIGN(g.name, r.string(child(item, "name"), field + ".name"));
        CAPSTAN_TRY_ASSIGN(g.ns, r.string(child(item, "namespace"), field + ".namespace"));
        CAPSTAN_TRY_ASSIGN(g.behavior, r.string(child(item, "behavior"), field + ".behavior"));
        CAPSTAN_TRY_ASSIGN(g.type, r.string(child(item, "type"), field + ".type"));
        CAPSTAN_TRY_ASSIGN(g.literals, r.strings(child(item, "literals"), field + ".literals"));
        CAPSTAN_TRY_ASSIGN(g.files, r.strings(child(item, "files"), field + ".files"));
        CAPSTAN_TRY_ASSIGN(g.envs, r.strings(child(item, "envs"), field + ".envs"));
        std::string env;
        CAPSTAN_TRY_ASSIGN(env, r.string(child(item, "env"), field + ".env"));
        if (!env.empty())
            g.envs.push_back(env);
        if (item.find("kvSources"))
            return r.error(*item.find("kvSources"), field + ".kvSources", "nothing: generator plugins are not supported");
        if (const Node *o = item.find("options"); o && !o->isNull())
            CAPSTAN_TRY_ASSIGN(g.options, parseOptions(r, *o, field + ".options"));
        if (!g.behavior.empty() && g.behavior != "create" && g.behavior != "merge" && g.behavior != "replace")
            return r.error(child(item, "behavior"), field + ".behavior", "one of create, merge, replace");
        out.push_back(std::move(g));
    }
    return out;
}

Result<std::vector<FieldSpec>> parseFieldSpecs(const FieldReader &r, const Node &node, const FieldName &field)
{
    std::vector<FieldSpec> out;
    if (node.isNull())
        return out;
    if (!node.isSequence())
        return r.error(node, field, "a list of field specs");
    for (const Node &item : node.items()) {
        if (auto ok = r.onlyKeys(item, field, {"group", "version", "kind", "path", "create"}); !ok)
            return ok.error();
        FieldSpec fs;
        CAPSTAN_TRY_ASSIGN(fs.gvk.group, r.string(child(item, "group"), field));
        CAPSTAN_TRY_ASSIGN(fs.gvk.version, r.string(child(item, "version"), field));
        CAPSTAN_TRY_ASSIGN(fs.gvk.kind, r.string(child(item, "kind"), field));
        CAPSTAN_TRY_ASSIGN(fs.path, r.string(child(item, "path"), field));
        CAPSTAN_TRY_ASSIGN(fs.create, r.boolean(child(item, "create"), field));
        out.push_back(std::move(fs));
    }
    return out;
}

} // namespace

GeneratorOptions mergeGeneratorOptions(const std::optional<GeneratorOptions> &local,
                                       const std::optional<GeneratorOptions> &global)
{
    GeneratorOptions out = local.value_or(GeneratorOptions{});
    if (!global)
        return out;
    auto mergeMap = [](StringPairs &into, const StringPairs &from) {
        for (const auto &[k, v] : from) {
            bool present = false;
            for (const auto &e : into)
                present = present || e.first == k;
            if (!present)
                into.emplace_back(k, v);
        }
    };
    mergeMap(out.labels, global->labels);
    mergeMap(out.annotations, global->annotations);
    if (global->disableNameSuffixHash.value_or(false))
        out.disableNameSuffixHash = true;
    if (global->immutable.value_or(false))
        out.immutable = true;
    return out;
}

Result<Kustomization> parseKustomization(const Node &doc, const std::string &file, std::string_view text)
{
    FieldReader r(file, text);
    Kustomization k;
    if (doc.isNull())
        return makeError("kustomization.yaml is empty", file);
    if (!doc.isMap())
        return r.error(doc, "kustomization", "a map");

    static const std::set<std::string> unsupported = {
        "helmCharts", "helmChartInflationGenerator", "helmGlobals", "generators", "transformers", "validators",
        "openapi"};
    static const std::set<std::string> known = {
        "apiVersion", "kind", "metadata", "namePrefix", "nameSuffix", "namespace", "commonLabels", "labels",
        "commonAnnotations", "patchesStrategicMerge", "patchesJson6902", "patches", "images", "imageTags",
        "replacements", "replicas", "sortOptions", "resources", "components", "crds", "bases",
        "configMapGenerator", "secretGenerator", "generatorOptions", "buildMetadata", "vars", "configurations"};
    for (const auto &e : doc.entries()) {
        if (unsupported.count(e.key)) {
            if (e.value.isNull() || ((e.value.isSequence() || e.value.isMap()) && e.value.empty()))
                continue;
            return r.error(e.value, e.key, "nothing: Capstan does not support '" + e.key + "'");
        }
        if (!known.count(e.key))
            return r.error(e.value, e.key, "a known kustomization field (unknown field \"" + e.key + "\")");
    }

    CAPSTAN_TRY_ASSIGN(k.apiVersion, r.string(child(doc, "apiVersion"), "apiVersion"));
    CAPSTAN_TRY_ASSIGN(k.kind, r.string(child(doc, "kind"), "kind"));
    if (!k.kind.empty() && k.kind != "Kustomization" && k.kind != "Component")
        return r.error(child(doc, "kind"), "kind", "Kustomization or Component");
    if (k.kind.empty())
        k.kind = "Kustomization";
    const std::string requiredVersion =
        k.kind == "Component" ? "kustomize.config.k8s.io/v1alpha1" : "kustomize.config.k8s.io/v1beta1";
    if (!k.apiVersion.empty() && k.apiVersion != requiredVersion)
        return r.error(child(doc, "apiVersion"), "apiVersion", requiredVersion + " for " + k.kind);

    CAPSTAN_TRY_ASSIGN(k.ns, r.string(child(doc, "namespace"), "namespace"));
    CAPSTAN_TRY_ASSIGN(k.namePrefix, r.string(child(doc, "namePrefix"), "namePrefix"));
    CAPSTAN_TRY_ASSIGN(k.nameSuffix, r.string(child(doc, "nameSuffix"), "nameSuffix"));
    CAPSTAN_TRY_ASSIGN(k.commonLabels, r.stringMap(child(doc, "commonLabels"), "commonLabels"));
    k.hasCommonLabels = doc.find("commonLabels") != nullptr;
    CAPSTAN_TRY_ASSIGN(k.commonAnnotations, r.stringMap(child(doc, "commonAnnotations"), "commonAnnotations"));

    std::vector<std::string> bases;
    CAPSTAN_TRY_ASSIGN(k.resources, r.strings(child(doc, "resources"), "resources"));
    CAPSTAN_TRY_ASSIGN(bases, r.strings(child(doc, "bases"), "bases"));
    k.resources.insert(k.resources.end(), bases.begin(), bases.end());
    CAPSTAN_TRY_ASSIGN(k.components, r.strings(child(doc, "components"), "components"));
    CAPSTAN_TRY_ASSIGN(k.crds, r.strings(child(doc, "crds"), "crds"));
    CAPSTAN_TRY_ASSIGN(k.configurations, r.strings(child(doc, "configurations"), "configurations"));
    CAPSTAN_TRY_ASSIGN(k.buildMetadata, r.strings(child(doc, "buildMetadata"), "buildMetadata"));
    for (const std::string &option : k.buildMetadata)
        if (option != "managedByLabel")
            return r.error(child(doc, "buildMetadata"), "buildMetadata",
                           "only managedByLabel (Capstan does not write '" + option + "')");

    if (const Node &labels = child(doc, "labels"); !labels.isNull()) {
        if (!labels.isSequence())
            return r.error(labels, "labels", "a list");
        for (const Node &item : labels.items()) {
            if (auto ok = r.onlyKeys(item, "labels", {"pairs", "includeSelectors", "includeTemplates", "fields"}); !ok)
                return ok.error();
            LabelSpec l;
            CAPSTAN_TRY_ASSIGN(l.pairs, r.stringMap(child(item, "pairs"), "labels.pairs"));
            CAPSTAN_TRY_ASSIGN(l.includeSelectors, r.boolean(child(item, "includeSelectors"), "labels.includeSelectors"));
            CAPSTAN_TRY_ASSIGN(l.includeTemplates, r.boolean(child(item, "includeTemplates"), "labels.includeTemplates"));
            CAPSTAN_TRY_ASSIGN(l.fields, parseFieldSpecs(r, child(item, "fields"), "labels.fields"));
            k.labels.push_back(std::move(l));
        }
    }

    if (const Node &psm = child(doc, "patchesStrategicMerge"); !psm.isNull()) {
        if (!psm.isSequence())
            return r.error(psm, "patchesStrategicMerge", "a list");
        for (const Node &item : psm.items()) {
            auto entry = r.string(item, "patchesStrategicMerge");
            if (!entry)
                return entry.error();
            k.patchesStrategicMerge.push_back(std::move(*entry));
        }
    }
    CAPSTAN_TRY_ASSIGN(k.patchesJson6902, parsePatches(r, child(doc, "patchesJson6902"), "patchesJson6902"));
    for (PatchSpec &p : k.patchesJson6902)
        p.fromJson6902Field = true;
    CAPSTAN_TRY_ASSIGN(k.patches, parsePatches(r, child(doc, "patches"), "patches"));

    for (const char *field : {"images", "imageTags"}) {
        const Node &images = child(doc, field);
        if (images.isNull())
            continue;
        if (!images.isSequence())
            return r.error(images, field, "a list of images");
        for (const Node &item : images.items()) {
            if (auto ok = r.onlyKeys(item, field, {"name", "newName", "newTag", "digest", "tagSuffix"}); !ok)
                return ok.error();
            ImageSpec img;
            CAPSTAN_TRY_ASSIGN(img.name, r.string(child(item, "name"), FieldName(field) + ".name"));
            for (const auto &[key, target] : {std::pair{"newName", &img.newName}, std::pair{"newTag", &img.newTag},
                                              std::pair{"digest", &img.digest}, std::pair{"tagSuffix", &img.tagSuffix}}) {
                if (const Node *v = item.find(key); v && !v->isNull()) {
                    std::string text;
                    CAPSTAN_TRY_ASSIGN(text, r.string(*v, FieldName(field) + "." + key));
                    *target = text;
                }
            }
            k.images.push_back(std::move(img));
        }
    }

    if (const Node &replicas = child(doc, "replicas"); !replicas.isNull()) {
        if (!replicas.isSequence())
            return r.error(replicas, "replicas", "a list");
        for (const Node &item : replicas.items()) {
            if (auto ok = r.onlyKeys(item, "replicas", {"name", "count"}); !ok)
                return ok.error();
            ReplicaSpec rs;
            CAPSTAN_TRY_ASSIGN(rs.name, r.string(child(item, "name"), "replicas.name"));
            const Node &count = child(item, "count");
            const std::string &digits = count.text();
            const auto parsed = std::from_chars(digits.data(), digits.data() + digits.size(), rs.count);
            if (!count.isScalar() || count.scalarType() != ScalarType::Int || parsed.ec != std::errc()
                || parsed.ptr != digits.data() + digits.size())
                return r.error(count, "replicas.count", "an integer");
            k.replicas.push_back(std::move(rs));
        }
    }

    CAPSTAN_TRY_ASSIGN(k.configMapGenerator, parseGenerators(r, child(doc, "configMapGenerator"), "configMapGenerator"));
    CAPSTAN_TRY_ASSIGN(k.secretGenerator, parseGenerators(r, child(doc, "secretGenerator"), "secretGenerator"));
    if (const Node *o = doc.find("generatorOptions"); o && !o->isNull())
        CAPSTAN_TRY_ASSIGN(k.generatorOptions, parseOptions(r, *o, "generatorOptions"));
    k.replacements = child(doc, "replacements");
    if (!k.replacements.isNull() && !k.replacements.isSequence())
        return r.error(k.replacements, "replacements", "a list");
    k.sortOptions = child(doc, "sortOptions");
    k.vars = child(doc, "vars");

    // Deprecation warnings, in the order kustomize prints them.
    if (doc.find("bases"))
        k.warnings.push_back(deprecated("bases", "resources"));
    if (doc.find("commonLabels"))
        k.warnings.push_back(deprecated("commonLabels", "labels"));
    if (doc.find("imageTags"))
        k.warnings.push_back(deprecated("imageTags", "images"));
    if (doc.find("patchesJson6902"))
        k.warnings.push_back(deprecated("patchesJson6902", "patches"));
    if (doc.find("patchesStrategicMerge"))
        k.warnings.push_back(deprecated("patchesStrategicMerge", "patches"));
    if (doc.find("vars"))
        k.warnings.push_back(deprecated("vars", "replacements", true));
    return k;
}

} // namespace capstan::kustomize

#undef CAPSTAN_TRY_ASSIGN
