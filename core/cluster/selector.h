#pragma once

#include "common/result.h"
#include "manifest/node.h"

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace capstan::cluster {

using Labels = std::map<std::string, std::string>;

// One term of a label selector.
struct Requirement
{
    enum class Operator { Equals, NotEquals, In, NotIn, Exists, DoesNotExist };

    std::string key;
    Operator op = Operator::Exists;
    std::vector<std::string> values; // one for Equals/NotEquals, several for In/NotIn

    bool matches(const Labels &labels) const;
    bool operator==(const Requirement &) const = default;
};

// A Kubernetes label selector: every requirement must hold. An empty selector matches everything.
class LabelSelector
{
public:
    LabelSelector() = default;
    explicit LabelSelector(std::vector<Requirement> requirements)
        : m_requirements(std::move(requirements))
    {
    }

    // kubectl's syntax: "app=web,tier!=db,env in (dev,staging),env notin (prod),canary,!legacy".
    static capstan::Result<LabelSelector> parse(std::string_view text);
    // A LabelSelector object as workloads carry it: {matchLabels: {...}, matchExpressions: [...]}.
    static capstan::Result<LabelSelector> fromNode(const manifest::Node &selector);
    // A Service's plain map selector ({app: web}): equality on every entry.
    static LabelSelector fromMap(const manifest::Node &labels);

    bool empty() const { return m_requirements.empty(); }
    const std::vector<Requirement> &requirements() const { return m_requirements; }
    bool matches(const Labels &labels) const;
    // Matches the string entries of a metadata.labels map (null or absent: no labels).
    bool matches(const manifest::Node *labels) const;

    // The canonical text form, which parse() reads back.
    std::string toString() const;

    bool operator==(const LabelSelector &) const = default;

private:
    std::vector<Requirement> m_requirements;
};

// The string entries of a map node (labels, annotations); non-maps give an empty map.
Labels labelsOf(const manifest::Node *map);

} // namespace capstan::cluster
