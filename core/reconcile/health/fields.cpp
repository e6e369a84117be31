#include "reconcile/health/fields_p.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdlib>

namespace capstan::health::detail {

using manifest::Node;
using manifest::ScalarType;

namespace {

constexpr std::string_view ArgoHookAnnotation = "argocd.argoproj.io/hook";
constexpr std::string_view HelmHookAnnotation = "helm.sh/hook";

const std::vector<Node> &noItems()
{
    static const std::vector<Node> empty;
    return empty;
}

// "a, b,,a" → {"a", "b"}: trimmed, non-empty, first occurrence kept.
std::vector<std::string> splitList(std::string_view csv)
{
    std::vector<std::string> out;
    while (!csv.empty()) {
        const auto comma = csv.find(',');
        std::string_view item = csv.substr(0, comma);
        csv = comma == std::string_view::npos ? std::string_view() : csv.substr(comma + 1);
        while (!item.empty() && std::isspace(static_cast<unsigned char>(item.front())))
            item.remove_prefix(1);
        while (!item.empty() && std::isspace(static_cast<unsigned char>(item.back())))
            item.remove_suffix(1);
        if (!item.empty() && std::find(out.begin(), out.end(), item) == out.end())
            out.emplace_back(item);
    }
    return out;
}

bool isArgoHookType(std::string_view t)
{
    return t == "PreSync" || t == "Sync" || t == "PostSync" || t == "SyncFail" || t == "Skip";
}

// Helm's install/upgrade hooks run where Argo CD's PreSync/PostSync would.
std::string_view argoTypeOfHelmHook(std::string_view t)
{
    if (t == "pre-install" || t == "pre-upgrade")
        return "PreSync";
    if (t == "post-install" || t == "post-upgrade")
        return "PostSync";
    return {};
}

} // namespace

std::optional<std::int64_t> optionalInt(const Node &root, Path path)
{
    const Node *n = root.at(path);
    if (!n || !n->isScalar())
        return std::nullopt;
    const std::string &t = n->text();
    if (n->scalarType() == ScalarType::Int) {
        std::int64_t value = 0;
        const auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), value);
        if (ec == std::errc() && end == t.data() + t.size())
            return value;
        return std::nullopt;
    }
    // JSON tooling writes whole numbers as 3.0 at times; Kubernetes reads them as integers.
    if (n->scalarType() == ScalarType::Float) {
        char *end = nullptr;
        const double d = std::strtod(t.c_str(), &end);
        if (end == t.c_str() + t.size() && std::isfinite(d) && d == std::floor(d))
            return static_cast<std::int64_t>(d);
    }
    return std::nullopt;
}

std::int64_t intOrZero(const Node &root, Path path)
{
    return optionalInt(root, path).value_or(0);
}

bool isTrue(const Node &root, Path path)
{
    const Node *n = root.at(path);
    return n && n->isScalar() && n->scalarType() == ScalarType::Bool && n->text() == "true";
}

std::string text(const Node &root, Path path)
{
    return root.textAt(path);
}

const std::vector<Node> &items(const Node &root, Path path)
{
    const Node *n = root.at(path);
    return n && n->isSequence() ? n->items() : noItems();
}

const Node *findCondition(const std::vector<Node> &conditions, std::string_view type)
{
    for (const Node &c : conditions)
        if (c.textAt({ "type" }) == type)
            return &c;
    return nullptr;
}

std::optional<std::string> annotation(const Node &root, std::string_view key)
{
    const Node *annotations = root.at({ "metadata", "annotations" });
    if (!annotations || !annotations->isMap())
        return std::nullopt;
    const Node *value = annotations->find(key);
    if (!value)
        return std::nullopt;
    return value->isScalar() ? value->text() : std::string();
}

bool hasFinalizer(const Node &root, std::string_view finalizer)
{
    const auto &list = items(root, { "metadata", "finalizers" });
    return std::any_of(list.begin(), list.end(), [&](const Node &f) { return f.isScalar() && f.text() == finalizer; });
}

std::vector<std::string> hookTypes(const Node &root)
{
    std::vector<std::string> types;
    for (std::string &t : splitList(annotation(root, ArgoHookAnnotation).value_or(std::string())))
        if (isArgoHookType(t))
            types.push_back(std::move(t));
    // Helm's annotation counts only where Argo CD's names no type.
    if (types.empty()) {
        for (const std::string &t : splitList(annotation(root, HelmHookAnnotation).value_or(std::string()))) {
            const std::string_view mapped = argoTypeOfHelmHook(t);
            if (!mapped.empty() && std::find(types.begin(), types.end(), mapped) == types.end())
                types.emplace_back(mapped);
        }
    }
    return types;
}

bool isSkipped(const Node &root)
{
    const auto types = hookTypes(root);
    return types.size() == 1 && types.front() == "Skip";
}

bool isHook(const Node &root)
{
    if (annotation(root, ArgoHookAnnotation))
        return !isSkipped(root);
    // Helm marks CRDs with the same annotation; those are not hooks.
    const auto helm = annotation(root, HelmHookAnnotation);
    return helm && *helm != "crd-install";
}

} // namespace capstan::health::detail
