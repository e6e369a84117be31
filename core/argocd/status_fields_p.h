#pragma once

// Lenient reads of an Application's status: Argo CD writes status, Capstan only shows it,
// so a field that is absent or of another shape reads as empty instead of failing.

#include "manifest/node.h"

#include <QDateTime>

#include <string>
#include <string_view>
#include <vector>

namespace capstan::argocd::detail {

// The items of the sequence at key; empty when absent or not a sequence.
const std::vector<manifest::Node> &itemsAt(const manifest::Node *parent, std::string_view key);
// The scalar text at key; "" when absent, null or not a scalar.
std::string textOf(const manifest::Node *parent, std::string_view key);
bool flagOf(const manifest::Node *parent, std::string_view key);
// The strings of a sequence of scalars at key.
std::vector<std::string> stringsAt(const manifest::Node *parent, std::string_view key);
// A Kubernetes time (RFC 3339, "2026-11-20T09:14:03Z") at key, in UTC; invalid when absent.
QDateTime timeOf(const manifest::Node *parent, std::string_view key);

} // namespace capstan::argocd::detail
