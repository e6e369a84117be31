#pragma once

#include "common/result.h"
#include "kustomize/kustomization.h"
#include "kustomize/resource.h"

#include <memory>
#include <regex>
#include <string>
#include <vector>

namespace capstan::kustomize {

// A Kubernetes label selector ("app=web,tier in (a,b),!legacy").
class LabelSelector
{
public:
    static Result<LabelSelector> parse(const std::string &text);
    // labels: a map node (or null).
    bool matches(const manifest::Node *labels) const;

private:
    struct Requirement
    {
        enum class Op { Exists, NotExists, In, NotIn } op = Op::Exists;
        std::string key;
        std::vector<std::string> values;
    };
    std::vector<Requirement> m_requirements;
};

// A compiled patch/replacement target: regular expressions on group, version,
// kind, name and namespace (anchored, as kustomize's), plus label and
// annotation selectors.
class ResourceSelector
{
public:
    static Result<ResourceSelector> compile(const Selector &selector);
    bool matches(const Resource &resource) const;

private:
    struct Pattern
    {
        std::string literal;
        std::shared_ptr<std::regex> regex; // null: compare literally
        bool empty = true;
        bool matches(const std::string &value) const;
    };
    static Result<Pattern> compilePattern(const std::string &text);

    Pattern m_group, m_version, m_kind, m_name, m_namespace;
    std::optional<LabelSelector> m_labels, m_annotations;
};

} // namespace capstan::kustomize
