#!/usr/bin/env python3
"""Writes merge_facts.inc: the strategic-merge facts of an OpenAPI (Swagger 2.0)
document, as the tables core/kustomize/merge_schema.cpp looks things up in.

Usage: gen_merge_facts.py --version V DOC... > merge_facts.inc

Each DOC is a Swagger 2.0 document, either JSON or the protobuf encoding of
gnostic's openapi_v2.Document (which is how kustomize embeds the Kubernetes
schema). Definitions of later documents replace earlier ones of the same name,
as they do when kustomize loads its schemas. See README.md for the inputs used.

The facts mirror how kyaml walks a schema during a strategic merge:
- a resource's schema is the definition whose x-kubernetes-group-version-kind
  names its apiVersion and kind;
- a field's schema is the property of that name (else the additionalProperties
  schema), with a $ref replaced by the definition it names;
- a list merges by key when its schema's x-kubernetes-patch-strategy includes
  "merge"; its keys are x-kubernetes-list-map-keys, else the
  x-kubernetes-patch-merge-key, else none (a merged list of primitives);
- a list's items have the schema of `items`, resolved the same way.
Only schemas with such a merged list somewhere beneath them get a table entry
(with all their properties, so that an unknown field can be told apart); every
other known schema is "opaque".
"""

import argparse
import json
import sys

# --- protobuf (gnostic openapi_v2) -------------------------------------------

# Field numbers of gnostic's OpenAPIv2.proto messages that carry the facts.
DOC_DEFINITIONS = 9
NAMED_NAME, NAMED_VALUE = 1, 2
SCHEMA_REF, SCHEMA_ADDITIONAL, SCHEMA_TYPE, SCHEMA_ITEMS, SCHEMA_PROPERTIES, SCHEMA_EXTENSIONS = 1, 21, 22, 23, 25, 31
ADDITIONAL_SCHEMA = 1
ANY_YAML = 2


def _varint(data, pos):
    value = shift = 0
    while True:
        byte = data[pos]
        pos += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return value, pos


def _fields(data):
    """(field number, value) of each field of a protobuf message; values of
    length-delimited fields are bytes, others are skipped over."""
    pos = 0
    while pos < len(data):
        key, pos = _varint(data, pos)
        number, wire = key >> 3, key & 7
        if wire == 0:
            value, pos = _varint(data, pos)
        elif wire == 1:
            value, pos = None, pos + 8
        elif wire == 5:
            value, pos = None, pos + 4
        elif wire == 2:
            length, pos = _varint(data, pos)
            value, pos = data[pos:pos + length], pos + length
        else:
            raise ValueError("unsupported protobuf wire type %d" % wire)
        yield number, value


def _named(data):
    name, value = None, None
    for number, field in _fields(data):
        if number == NAMED_NAME:
            name = field.decode()
        elif number == NAMED_VALUE:
            value = field
    return name, value


def _yaml_value(text):
    """The few YAML shapes the extensions use: a scalar, a list of scalars, or a
    list of flat maps (x-kubernetes-group-version-kind)."""
    lines = [line for line in text.splitlines() if line.strip()]
    if not lines or not lines[0].startswith("- "):
        return text.strip().strip('"')
    items = []
    for line in lines:
        if line.startswith("- "):
            body = line[2:]
            if ": " in body or body.endswith(":"):
                items.append({})
            else:
                items.append(body.strip().strip('"'))
                continue
        else:
            body = line.strip()
        key, _, value = body.partition(":")
        items[-1][key.strip()] = value.strip().strip('"')
    return items


def _schema_from_proto(data):
    schema = {}
    for number, field in _fields(data):
        if number == SCHEMA_REF:
            schema["$ref"] = field.decode()
        elif number == SCHEMA_TYPE:
            schema["type"] = [value.decode() for n, value in _fields(field) if n == 1]
        elif number == SCHEMA_ITEMS:
            items = [_schema_from_proto(value) for n, value in _fields(field) if n == 1]
            if items:
                schema["items"] = items[0]
        elif number == SCHEMA_PROPERTIES:
            props = schema.setdefault("properties", {})
            for n, value in _fields(field):
                name, sub = _named(value)
                props[name] = _schema_from_proto(sub or b"")
        elif number == SCHEMA_ADDITIONAL:
            for n, value in _fields(field):
                if n == ADDITIONAL_SCHEMA:
                    schema["additionalProperties"] = _schema_from_proto(value)
        elif number == SCHEMA_EXTENSIONS:
            name, anything = _named(field)
            text = next((v.decode() for n, v in _fields(anything or b"") if n == ANY_YAML), "")
            schema[name] = _yaml_value(text)
    return schema


def load_definitions(path):
    raw = open(path, "rb").read()
    if raw.lstrip()[:1] == b"{":
        return json.loads(raw).get("definitions", {})
    definitions = {}
    for number, field in _fields(raw):
        if number == DOC_DEFINITIONS:
            for n, named in _fields(field):
                name, value = _named(named)
                definitions[name] = _schema_from_proto(value or b"")
    return definitions


# --- the facts ----------------------------------------------------------------

def normalized_type(schema):
    t = schema.get("type", [])
    return [t] if isinstance(t, str) else list(t)


class Facts:
    def __init__(self, definitions):
        self.defs = definitions
        self.nodes = []          # schema dicts, by node id
        self.node_names = []     # a readable name for each node
        self.node_of = {}        # id(schema dict) -> node id

    def resolve(self, schema):
        seen = set()
        while schema is not None and "$ref" in schema:
            ref = schema["$ref"]
            if ref in seen:
                return None
            seen.add(ref)
            schema = self.defs.get(ref.rsplit("/", 1)[-1])
        return schema

    def node(self, schema, name):
        if schema is None:
            return None
        key = id(schema)
        if key not in self.node_of:
            self.node_of[key] = len(self.nodes)
            self.nodes.append(schema)
            self.node_names.append(name)
        return self.node_of[key]

    def def_name(self, schema, fallback):
        for name, d in self.defs.items():
            if d is schema:
                return name
        return fallback

    def elements(self, schema, label):
        """The node of a list's items, as kyaml's Elements() finds it."""
        if normalized_type(schema) != ["array"] or not isinstance(schema.get("items"), dict):
            return None
        resolved = self.resolve(schema["items"])
        if resolved is None:
            return None
        return self.node(resolved, self.def_name(resolved, label + "[]"))

    @staticmethod
    def merge_keys(schema):
        """The merge keys when the list merges, else None."""
        strategy = schema.get("x-kubernetes-patch-strategy")
        if not isinstance(strategy, str) or "merge" not in strategy.split(","):
            return None
        if isinstance(schema.get("x-kubernetes-list-map-keys"), list):
            return tuple(schema["x-kubernetes-list-map-keys"])
        key = schema.get("x-kubernetes-patch-merge-key")
        return (key,) if key else ()

    def build(self):
        gvks = {}
        for name in sorted(self.defs):
            for gvk in self.defs[name].get("x-kubernetes-group-version-kind") or []:
                api = gvk["version"] if not gvk.get("group") else gvk["group"] + "/" + gvk["version"]
                key = (api, gvk["kind"])
                if key in gvks and gvks[key] is not self.defs[name]:
                    sys.exit("conflicting definitions for %s %s" % key)
                gvks[key] = self.defs[name]
                self.node(self.defs[name], name)

        # Walk every reachable schema. A field's edge: its name (None for
        # additionalProperties), the node of its value as kyaml's Field() finds
        # it, the node of its items when it is a list, and its merge keys.
        edges = {}
        i = 0
        while i < len(self.nodes):
            schema, label = self.nodes[i], self.node_names[i]
            subs = list(schema.get("properties", {}).items())
            if isinstance(schema.get("additionalProperties"), dict):
                subs.append((None, schema["additionalProperties"]))
            rows = []
            for name, sub in subs:
                field_label = label + "." + (name or "*")
                resolved = self.resolve(sub)
                if resolved is None:
                    rows.append((name, None, None, None))
                    continue
                value = self.node(resolved, self.def_name(resolved, field_label))
                rows.append((name, value, self.elements(resolved, field_label), self.merge_keys(resolved)))
            edges[i] = rows
            i += 1

        # Which nodes have a merged list somewhere beneath them (fixed point).
        interesting = set()
        changed = True
        while changed:
            changed = False
            for node, rows in edges.items():
                if node in interesting:
                    continue
                if any(keys is not None or value in interesting or items in interesting
                       for _, value, items, keys in rows):
                    interesting.add(node)
                    changed = True
        return gvks, edges, interesting


# --- output -------------------------------------------------------------------

def cpp_string(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--version", required=True, help="the schema's version, for the header")
    parser.add_argument("documents", nargs="+")
    args = parser.parse_args()

    definitions = {}
    for path in args.documents:
        definitions.update(load_definitions(path))
    facts = Facts(definitions)
    gvks, edges, interesting = facts.build()

    NONE, OPAQUE = 0, 1
    order = sorted(interesting, key=lambda n: facts.node_names[n])
    type_id = {node: index + 2 for index, node in enumerate(order)}

    def schema_id(node):
        if node is None:
            return NONE
        return type_id.get(node, OPAQUE)

    key_sets = [()]  # index 0: a merged list of primitives
    field_rows = []
    type_rows = []
    for node in order:
        rows = edges[node]
        named = sorted((r for r in rows if r[0] is not None), key=lambda r: r[0])
        additional = [r for r in rows if r[0] is None]
        first = len(field_rows)
        for name, value, items, keys in named + additional:
            # A list's entry describes its items; anything else's, its value.
            child = schema_id(items) if normalized_type(facts.nodes[value] if value is not None else {}) == ["array"] \
                else schema_id(value)
            merge = 0
            if keys is not None:
                if keys not in key_sets:
                    key_sets.append(keys)
                merge = key_sets.index(keys) + 1
            field_rows.append((name or "", child, merge, "%d %s" % (type_id[node], facts.node_names[node])))
        type_rows.append((first, len(named), first + len(named) if additional else -1, facts.node_names[node]))

    out = []
    w = out.append
    w("// Generated by core/kustomize/schema/gen_merge_facts.py from the Kubernetes %s OpenAPI schema" % args.version)
    w("// that Kustomize v5.5.0 embeds, and kustomize's own Kustomization schema. Do not edit; see README.md.")
    w("// Included by merge_schema.cpp only.")
    w("")
    w("namespace capstan::kustomize::facts {")
    w("")
    w("inline constexpr std::string_view kSchemaVersion = %s;" % cpp_string(args.version))
    w("")
    w("// Merge keys of each merged list; entry 0 (no keys) is a merged list of primitives.")
    w("inline constexpr std::array<std::array<std::string_view, 2>, %d> kMergeKeys = {{" % len(key_sets))
    for keys in key_sets:
        padded = list(keys) + [""] * (2 - len(keys))
        if len(keys) > 2:
            sys.exit("more than two merge keys: %r" % (keys,))
        w("    {{%s}}," % ", ".join(cpp_string(k) for k in padded))
    w("}};")
    w("")
    w("// Every property of each schema type. type: the schema of the value (of a list: of its items);")
    w("// 0 none, 1 opaque, n >= 2 kTypes[n - 2]. merge: 0 replaced, else kMergeKeys[merge - 1].")
    w("inline constexpr std::array<FieldFact, %d> kFields = {{" % len(field_rows))
    current = None
    line = ""
    for name, child, merge, owner in field_rows + [(None, 0, 0, None)]:
        if owner != current or len(line) > 100:
            if line:
                w(line.rstrip())
            line = "   "
            if owner != current and owner is not None:
                w("    // %s" % owner)
            current = owner
        if name is not None:
            line += " {%s, %d, %d}," % (cpp_string(name), child, merge)
    w("}};")
    w("")
    w("// Schema types with a merged list somewhere beneath them: their properties are")
    w("// kFields[first, first + count) sorted by name; additional: the entry for any other")
    w("// name (a map's values), or -1.")
    w("inline constexpr std::array<TypeFact, %d> kTypes = {{" % len(type_rows))
    for index, (first, count, additional, name) in enumerate(type_rows):
        w("    {%d, %d, %d}, // %d %s" % (first, count, additional, index + 2, name))
    w("}};")
    w("")
    objects = sorted((api, kind, schema_id(facts.node_of[id(schema)])) for (api, kind), schema in gvks.items())
    w("// Every apiVersion and kind the schema knows, sorted, with its schema type.")
    w("inline constexpr std::array<ObjectFact, %d> kObjects = {{" % len(objects))
    line = "   "
    for api, kind, sid in objects:
        entry = " {%s, %s, %d}," % (cpp_string(api), cpp_string(kind), sid)
        if len(line) + len(entry) > 116:
            w(line)
            line = "   "
        line += entry
    w(line)
    w("}};")
    w("")
    w("} // namespace capstan::kustomize::facts")
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
