#pragma once

// Reading Kubernetes fields out of a Node the way Go's typed structs see them:
// an absent or null field has its zero value. Private to the health module.

#include "manifest/node.h"

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace capstan::health::detail {

using Path = std::initializer_list<std::string_view>;

// An integer field; nullopt where absent, null or not an integer (Go's nil *int32).
std::optional<std::int64_t> optionalInt(const manifest::Node &root, Path path);
// An integer field, 0 where absent (Go's int32/int64 zero value).
std::int64_t intOrZero(const manifest::Node &root, Path path);
// True only for a boolean true.
bool isTrue(const manifest::Node &root, Path path);
// A string field, "" where absent.
std::string text(const manifest::Node &root, Path path);
// The items of a list field; empty where absent or not a list.
const std::vector<manifest::Node> &items(const manifest::Node &root, Path path);

// The first entry of a list of conditions whose "type" is type; nullptr if none.
const manifest::Node *findCondition(const std::vector<manifest::Node> &conditions, std::string_view type);

// metadata.annotations[key]; nullopt where the annotation is absent.
std::optional<std::string> annotation(const manifest::Node &root, std::string_view key);
bool hasFinalizer(const manifest::Node &root, std::string_view finalizer);

// Argo CD's hook rules: argocd.argoproj.io/hook (comma-separated types), else
// Helm's helm.sh/hook. "Skip" alone is not a hook but a resource left out of sync.
std::vector<std::string> hookTypes(const manifest::Node &root);
bool isHook(const manifest::Node &root);
bool isSkipped(const manifest::Node &root);

} // namespace capstan::health::detail
