#include "manifest/yaml_writer.h"

#include "manifest/go_sort.h"
#include "manifest/unicode_classes.h"
#include "manifest/yaml_scalar.h"
#include "manifest/yaml_scalar_chars_p.h"
#include "manifest/yaml_scalar_style.h"

#include <algorithm>
#include <array>
#include <span>

namespace capstan::manifest {

namespace {

using yaml::Output;

// go-yaml v2's key order: letters after other characters, letters by code
// point, runs of digits by their numeric value ("item2" before "item10").
// Works on bytes for ASCII keys and on code points otherwise.
template<typename Text> bool keyLessIn(const Text &ar, const Text &br)
{
    for (std::size_t i = 0; i < ar.size() && i < br.size(); ++i) {
        if (ar[i] == br[i])
            continue;
        const bool al = isUnicodeLetter(char32_t(ar[i])), bl = isUnicodeLetter(char32_t(br[i]));
        if (al && bl)
            return ar[i] < br[i];
        if (al || bl)
            return bl;
        long long an = 0, bn = 0;
        if (ar[i] == '0' || br[i] == '0') {
            // A zero inside a number ("10" vs "1a") is compared as part of it.
            for (std::size_t j = i; j-- > 0 && isUnicodeDigit(char32_t(ar[j]));) {
                if (ar[j] != '0') {
                    an = bn = 1;
                    break;
                }
            }
        }
        std::size_t ai = i, bi = i;
        for (; ai < ar.size() && isUnicodeDigit(char32_t(ar[ai])); ++ai)
            an = an * 10 + (long long)(char32_t(ar[ai]) - U'0');
        for (; bi < br.size() && isUnicodeDigit(char32_t(br[bi])); ++bi)
            bn = bn * 10 + (long long)(char32_t(br[bi]) - U'0');
        if (an != bn)
            return an < bn;
        if (ai != bi)
            return ai < bi;
        return ar[i] < br[i];
    }
    return ar.size() < br.size();
}

bool isAscii(std::string_view s)
{
    unsigned char bits = 0; // no early exit: the loop vectorizes, and keys are short
    for (char c : s)
        bits |= static_cast<unsigned char>(c);
    return (bits & 0x80) == 0;
}

std::u32string codePoints(std::string_view s)
{
    std::u32string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        const std::size_t w = yaml::chars::width(s, i);
        out.push_back(yaml::chars::decode(s, i, w));
        i += w;
    }
    return out;
}

bool keyLess(std::string_view a, std::string_view b)
{
    if (isAscii(a) && isAscii(b))
        return keyLessIn(a, b);
    return keyLessIn(codePoints(a), codePoints(b));
}

class Emitter
{
public:
    explicit Emitter(std::string out = {}) { m_out.text = std::move(out); }
    std::string take() { return std::move(m_out.text); }

    // A node at the document root.
    // `start`: where this document begins in the output (earlier ones precede it).
    void root(const Node &node, std::size_t start = 0)
    {
        m_start = start;
        if (isBlockCollection(node))
            collection(node, 0);
        else
            scalarValue(node, 2); // go-yaml indents a root block scalar by its step
        endLine();
    }

private:
    static bool isBlockCollection(const Node &node) { return !node.isScalar() && !node.empty(); }

    // A non-empty map or sequence whose first line starts at the current column.
    void collection(const Node &node, int indent)
    {
        if (node.isMap())
            mapping(node, indent);
        else
            sequence(node, indent);
    }

    void mapping(const Node &node, int indent)
    {
        // The entries in key order; on the stack for the usual small mapping.
        const std::size_t n = node.entries().size();
        std::array<const MapEntry *, 32> small;
        std::vector<const MapEntry *> large;
        const MapEntry **entries = small.data();
        if (n > small.size()) {
            large.resize(n);
            entries = large.data();
        }
        bool ascii = true; // then bytes compare as code points: no decoding per comparison
        for (std::size_t i = 0; i < n; ++i) {
            entries[i] = &node.entries()[i];
            ascii = ascii && isAscii(entries[i]->key);
        }
        if (ascii)
            gosort::sort(entries, n, [](const MapEntry *a, const MapEntry *b) {
                return keyLessIn(std::string_view(a->key), std::string_view(b->key));
            });
        else
            gosort::sort(entries, n, [](const MapEntry *a, const MapEntry *b) { return keyLess(a->key, b->key); });
        bool first = true;
        for (const MapEntry *e : std::span(entries, n)) {
            if (!first)
                endLine();
            first = false;
            m_out.padTo(indent);
            if (isSimpleKey(e->key))
                simpleEntry(*e, indent);
            else
                complexEntry(*e, indent);
        }
    }

    // go-yaml writes a key longer than 128 bytes or spanning lines as "? key".
    static bool isSimpleKey(std::string_view key)
    {
        if (key.size() > 128)
            return false;
        // One pass for the usual key: the line breaks need '\n', '\r' or a
        // multi-byte sequence, so printable ASCII has none.
        bool unusual = false; // no early exit: the loop vectorizes, and keys are short
        for (char c : key)
            unusual |= static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) >= 0x80;
        return !unusual
            || (key.find_first_of("\n\r") == std::string_view::npos && key.find("\xC2\x85") == std::string_view::npos
                && key.find("\xE2\x80\xA8") == std::string_view::npos && key.find("\xE2\x80\xA9") == std::string_view::npos);
    }

    void simpleEntry(const MapEntry &e, int indent)
    {
        yaml::writeString(m_out, e.key, yaml::stringStyle(e.key, true), indent, true);
        m_out.put(':');
        const Node &value = e.value;
        if (value.isMap() && !value.empty()) {
            m_out.newline();
            mapping(value, indent + 2);
        } else if (value.isSequence() && !value.empty()) {
            m_out.newline();
            sequence(value, indent); // go-yaml does not indent a list under a key
        } else {
            m_out.put(' ');
            scalarValue(value, indent + 2);
        }
    }

    // "? key" on its own lines, then ": value" (a collection starts on the same line).
    void complexEntry(const MapEntry &e, int indent)
    {
        m_out.write("? ");
        yaml::writeString(m_out, e.key, yaml::stringStyle(e.key, false), indent + 2, false);
        endLine();
        m_out.padTo(indent);
        m_out.write(": ");
        if (isBlockCollection(e.value))
            collection(e.value, indent + 2);
        else
            scalarValue(e.value, indent + 2);
    }

    void sequence(const Node &node, int indent)
    {
        bool first = true;
        for (const Node &item : node.items()) {
            if (!first)
                endLine();
            first = false;
            m_out.padTo(indent);
            m_out.write("- ");
            if (isBlockCollection(item))
                collection(item, indent + 2);
            else
                scalarValue(item, indent + 2);
        }
    }

    // A scalar or an empty collection; `indent` is where continuation lines go.
    void scalarValue(const Node &node, int indent)
    {
        if (node.isMap()) {
            m_out.write("{}");
            return;
        }
        if (node.isSequence()) {
            m_out.write("[]");
            return;
        }
        switch (node.scalarType()) {
        case ScalarType::Null:
            m_out.write("null");
            return;
        case ScalarType::Bool:
        case ScalarType::Int:
            m_out.write(node.text());
            return;
        case ScalarType::Float:
            m_out.write(yaml::formatYamlNumber(node.text()));
            return;
        case ScalarType::String:
            yaml::writeString(m_out, node.text(), yaml::stringStyle(node.text(), false), indent, false);
            return;
        }
    }

    void endLine()
    {
        if (m_out.column != 0 || m_out.text.size() == m_start)
            m_out.newline();
    }

    Output m_out;
    std::size_t m_start = 0;
};

} // namespace

std::string emitYaml(const Node &node)
{
    Emitter e;
    e.root(node);
    return e.take();
}

std::string emitObjects(const std::vector<Object> &objects)
{
    // The stream is written into a buffer this thread keeps between calls, so
    // it grows once rather than on every render, and the caller gets a string
    // of exactly the stream's size: consumers keep renders (the console keeps
    // one per environment), and slack would be kept with them. Each document
    // starts at column 0.
    constexpr std::size_t kKeptCapacity = 1 << 20;
    thread_local std::string buffer;
    std::string out = std::move(buffer);
    out.clear();
    for (std::size_t i = 0; i < objects.size(); ++i) {
        if (i > 0)
            out += "---\n";
        const std::size_t start = out.size();
        Emitter e(std::move(out));
        e.root(objects[i].root(), start);
        out = e.take();
    }
    std::string stream(out);
    if (out.capacity() <= kKeptCapacity)
        buffer = std::move(out);
    return stream;
}

} // namespace capstan::manifest
