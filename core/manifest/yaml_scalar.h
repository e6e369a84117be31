#pragma once

#include "manifest/node.h"

#include <string>
#include <string_view>

// Scalar rules shared by the YAML reader and writer. Kubernetes tooling decodes
// YAML with go-yaml v3 rules into plain values, then prints them back through
// JSON and go-yaml v2; these functions reproduce each of those steps.
namespace capstan::manifest::yaml {

struct ResolvedScalar
{
    ScalarType type = ScalarType::String;
    std::string text;
};

// The value of an untagged plain scalar as go-yaml v3 decodes it into a Go
// value: null, bool, int, float (text formatted as Go's encoding/json does),
// a timestamp (kept as a string in RFC 3339 form), or the string itself.
ResolvedScalar resolvePlain(std::string_view text);

// Go's encoding/json text for a double ("1000", "0.5", "1e+21", "1e-7").
std::string formatJsonFloat(double value);

// How go-yaml v2 prints a number that went through JSON: integers as integers,
// other values with strconv's shortest 'g' format ("1.2345675e+06").
std::string formatYamlNumber(const std::string &jsonText);

// True where go-yaml v2 would read the plain text back as something other
// than a string (a bool such as "on", a number, null, a timestamp, ...).
bool resolvesAsNonString(std::string_view text);

// Parses a YAML timestamp the way go-yaml does; on success writes Go's
// RFC 3339 (nanosecond) text of it.
bool parseTimestamp(std::string_view text, std::string *rfc3339);

} // namespace capstan::manifest::yaml
