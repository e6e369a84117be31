#include "manifest/yaml_fast_reader.h"

#include "manifest/yaml_block_scalar.h"
#include "manifest/yaml_flow_reader.h"
#include "manifest/yaml_lexical.h"
#include "manifest/yaml_line_cursor_p.h"
#include "manifest/yaml_scalar.h"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstring>
#include <deque>
#include <iterator>
#include <string>

namespace capstan::manifest::yaml {

namespace {

// The YAML structure (documents, mappings, lists, scalars) over the lines
// LineCursor walks.
class SubsetReader : private LineCursor
{
public:
    explicit SubsetReader(std::string_view text)
        : LineCursor(text)
    {
    }

    std::vector<std::pair<int, Node>> read()
    {
        if (m_text.find('\r') != std::string_view::npos || m_text.substr(0, 3) == "\xEF\xBB\xBF")
            outside();
        std::vector<std::pair<int, Node>> documents;
        int index = -1;
        bool open = false; // a document has started and not been ended by "..."
        startLine(0);
        while (!atEnd()) {
            if (isMarker("---")) {
                ++index;
                open = true;
                m_pos += 3;
                finishLine();
                continue;
            }
            if (isMarker("...")) {
                open = false;
                m_pos += 3;
                finishLine();
                continue;
            }
            if (!open) {
                ++index;
                open = true;
            }
            Node root;
            blockNode(-1, root);
            if (!atEnd() && !isMarker("---") && !isMarker("..."))
                outside();
            documents.emplace_back(index, std::move(root));
        }
        return documents;
    }

private:
    // A block node whose first line starts at the cursor. Like the readers it
    // calls, it fills node (a null node in its final place); the children are
    // gathered in their depth's scratch list and moved into node once read.
    void blockNode(int parentIndent, Node &node)
    {
        const int col = column(m_pos);
        if (col <= parentIndent)
            outside();
        if (isSequenceItem(m_pos))
            sequence(col, node);
        else if (keyColon(m_pos) != std::string_view::npos)
            mapping(col, node);
        else
            inlineValue(parentIndent, node);
    }

    // The position of the ':' ending an implicit key at p, or npos. Asked
    // twice for a mapping's first key (blockNode, then mapping): remembered.
    std::size_t keyColon(std::size_t p) const
    {
        if (p != m_colonAsked) {
            m_colonAsked = p;
            m_colonFound = findKeyColon(p);
        }
        return m_colonFound;
    }

    std::size_t findKeyColon(std::size_t p) const
    {
        const char c = at(p);
        if (c == '"' || c == '\'') {
            std::string ignored;
            const std::size_t end = readQuotedInLine(m_text, p, m_lineEnd, ignored);
            if (end == std::string_view::npos || at(end) != ':' || (at(end + 1) != ' ' && at(end + 1) != '\n'))
                return std::string_view::npos;
            return end;
        }
        if (startsIndicator(p))
            return std::string_view::npos;
        // The first ": " (or ':' ending the line) before a comment. Candidates
        // for ':' and '#' eight bytes at a time, each checked in order.
        std::size_t i = p;
        for (; i + 8 <= m_lineEnd; i += 8) {
            std::uint64_t w;
            std::memcpy(&w, m_text.data() + i, 8);
            for (std::uint64_t candidates = bytesMaybe(w, ':') | bytesMaybe(w, '#'); candidates;
                 candidates &= candidates - 1) {
                const std::size_t k = i + std::size_t(std::countr_zero(candidates)) / 8;
                if (const std::size_t found = colonOrComment(k); found != kNotYet)
                    return found;
            }
        }
        for (; i < m_lineEnd; ++i)
            if (const std::size_t found = colonOrComment(i); found != kNotYet)
                return found;
        return std::string_view::npos;
    }

    static constexpr std::size_t kNotYet = std::string_view::npos - 1;

    // For findKeyColon: k when it holds the key's ':', npos when it starts a
    // comment, kNotYet otherwise.
    std::size_t colonOrComment(std::size_t k) const
    {
        const char ch = m_text[k];
        if (ch == ':' && (k + 1 == m_lineEnd || m_text[k + 1] == ' '))
            return k;
        if (ch == '#' && m_text[k - 1] == ' ')
            return std::string_view::npos;
        return kNotYet;
    }

    void mapping(int indent, Node &map)
    {
        const DepthGuard guard(m_depth);
        map.setMark(markAt(m_pos));
        // Entries are read into this depth's scratch list and moved into the map
        // at the end: one allocation of the exact size, which the parse cache
        // keeps for as long as the file is unchanged.
        std::vector<MapEntry> &entries = scratch(m_entryScratch);
        for (;;) {
            const std::size_t colon = keyColon(m_pos);
            if (colon == std::string_view::npos)
                outside();
            const Mark keyMark = markAt(m_pos);
            std::string key;
            if (at(m_pos) == '"' || at(m_pos) == '\'') {
                readQuotedInLine(m_text, m_pos, m_lineEnd, key);
            } else {
                std::size_t end = colon;
                while (end > m_pos && m_text[end - 1] == ' ')
                    --end;
                const std::string_view text = m_text.substr(m_pos, end - m_pos);
                if (text == "<<")
                    outside(); // merge keys: yaml-cpp path
                if (text == "~" || text == "null" || text == "Null" || text == "NULL")
                    key.clear(); // a null key decodes to ""
                else
                    key.assign(text);
            }
            for (const MapEntry &e : entries)
                if (e.key == key)
                    outside(); // duplicate: yaml-cpp path reports it
            m_pos = colon + 1;
            skipSpaces();
            // The value is read into the scratch entry: deeper levels gather in
            // lists of their own, so nothing moves this one meanwhile.
            Node &value = entries.emplace_back(std::move(key), Node(), keyMark).value;
            if (at(m_pos) == '\n' || at(m_pos) == '#') {
                const Mark nullMark = markAt(m_pos);
                finishLine();
                if (!atDocumentBoundary() && m_indent > indent)
                    blockNode(indent, value);
                else if (!atDocumentBoundary() && m_indent == indent && isSequenceItem(m_pos))
                    sequence(indent, value);
                else
                    value.setMark(nullMark);
            } else {
                inlineValue(indent, value);
            }
            if (atDocumentBoundary() || m_indent < indent)
                break;
            if (m_indent > indent || isSequenceItem(m_pos))
                outside();
        }
        moveInto(entries, map.entries()); // a null node becomes the map
    }

    void sequence(int indent, Node &seq)
    {
        const DepthGuard guard(m_depth);
        seq.setMark(markAt(m_pos));
        std::vector<Node> &items = scratch(m_itemScratch); // as in mapping()
        for (;;) {
            ++m_pos; // the '-'
            skipSpaces();
            Node &item = items.emplace_back(); // read into the scratch item, as in mapping()
            if (at(m_pos) == '\n' || at(m_pos) == '#') {
                const Mark nullMark = markAt(m_pos);
                finishLine();
                if (!atDocumentBoundary() && m_indent > indent)
                    blockNode(indent, item);
                else
                    item.setMark(nullMark);
            } else if (isSequenceItem(m_pos)) {
                sequence(column(m_pos), item);
            } else if (keyColon(m_pos) != std::string_view::npos) {
                mapping(column(m_pos), item);
            } else {
                inlineValue(indent, item);
            }
            if (atDocumentBoundary() || m_indent < indent)
                break;
            if (m_indent > indent)
                outside();
            if (!isSequenceItem(m_pos))
                break;
        }
        moveInto(items, seq.items()); // a null node becomes the sequence
    }

    // The scratch list of the current depth, emptied. A deque keeps the lists in
    // place while deeper levels add theirs, so references into them stay valid.
    template <typename T>
    std::vector<T> &scratch(std::deque<std::vector<T>> &levels) const
    {
        while (levels.size() <= static_cast<std::size_t>(m_depth))
            levels.emplace_back();
        std::vector<T> &list = levels[static_cast<std::size_t>(m_depth)];
        list.clear();
        return list;
    }

    // Moves a depth's scratch list into its node, in one allocation of the
    // exact size. A list grown by an unusually long mapping or sequence is let
    // go rather than kept for the thread's lifetime.
    template <typename T>
    static void moveInto(std::vector<T> &from, std::vector<T> &to)
    {
        constexpr std::size_t kKeptCapacity = 4096;
        to.reserve(from.size());
        std::move(from.begin(), from.end(), std::back_inserter(to));
        from.clear();
        if (from.capacity() > kKeptCapacity)
            std::vector<T>().swap(from);
    }

    // A value starting on the current line (a scalar, a block scalar or a
    // one-line flow collection); leaves the cursor on the next content line.
    void inlineValue(int parentIndent, Node &node)
    {
        const Mark mark = markAt(m_pos);
        const char c = at(m_pos);
        if (c == '"' || c == '\'') {
            node.setScalar(quotedValue(parentIndent), ScalarType::String);
            finishLine();
        } else if (c == '|' || c == '>') {
            std::optional<BlockScalar> block = readBlockScalar(m_text, m_pos, parentIndent);
            if (!block)
                outside();
            node.setScalar(block->folded ? foldedRoundTrip(block->value) : std::move(block->value), ScalarType::String);
            m_line += int(std::count(
                m_text.begin() + std::ptrdiff_t(m_lineStart), m_text.begin() + std::ptrdiff_t(block->end), '\n'));
            startLine(block->end);
        } else if (c == '[' || c == '{') {
            std::optional<FlowCollection> flow = readOneLineFlow(m_text, m_lineStart, m_lineEnd, m_line, m_pos);
            if (!flow)
                outside();
            node = std::move(flow->node);
            m_pos = flow->end;
            finishLine();
        } else {
            ResolvedScalar r = plainValue(parentIndent);
            node.setScalar(std::move(r.text), r.type);
        }
        node.setMark(mark);
    }

    // The end of the plain text on the current line from the cursor (before a
    // comment, trailing spaces dropped); `comment` tells whether one follows.
    std::size_t plainLineEnd(bool &comment) const
    {
        std::size_t end = m_pos;
        comment = false;
        for (; end < m_lineEnd; ++end) {
            if (m_text[end] == '#' && end > m_pos && m_text[end - 1] == ' ') {
                comment = true;
                break;
            }
            if (m_text[end] == ':' && (at(end + 1) == ' ' || at(end + 1) == '\n'))
                outside(); // "a: b: c" is an error: yaml-cpp words it
        }
        while (end > m_pos && m_text[end - 1] == ' ')
            --end;
        return end;
    }

    // A plain scalar, possibly continued on more-indented lines (folded: one
    // break becomes a space, each empty line a break).
    ResolvedScalar plainValue(int parentIndent)
    {
        if (startsIndicator(m_pos))
            outside();
        bool comment = false;
        std::size_t end = plainLineEnd(comment);
        std::string_view first = m_text.substr(m_pos, end - m_pos);
        std::string folded;
        bool multiLine = false;
        while (!comment && continuationFollows(parentIndent)) {
            // Look ahead: empty lines, then a continuation line or not.
            const std::size_t savedStart = m_lineStart, savedEnd = m_lineEnd;
            const int savedLine = m_line;
            std::size_t emptyLines = 0, p = 0;
            bool continues = false;
            while (nextRawLine()) {
                p = firstNonSpace();
                if (p == m_lineEnd) {
                    ++emptyLines;
                    continue;
                }
                const bool marker
                    = p == m_lineStart && (m_text.compare(p, 3, "---") == 0 || m_text.compare(p, 3, "...") == 0);
                continues = int(p - m_lineStart) > parentIndent && m_text[p] != '#' && !marker;
                break;
            }
            if (!continues) {
                m_lineStart = savedStart;
                m_lineEnd = savedEnd;
                m_line = savedLine;
                break;
            }
            m_pos = p;
            if (startsIndicator(m_pos))
                outside(); // unusual continuation: yaml-cpp path
            if (!multiLine)
                folded.assign(first);
            multiLine = true;
            if (emptyLines == 0)
                folded += ' ';
            else
                folded.append(emptyLines, '\n');
            end = plainLineEnd(comment);
            folded.append(m_text.substr(m_pos, end - m_pos));
        }
        m_pos = end;
        finishLine();
        if (multiLine)
            return resolvePlain(folded);
        return resolvePlain(first);
    }

    // A quoted scalar, possibly over several lines (a break becomes a space,
    // each empty line a break; "\" ends a line without a space).
    std::string quotedValue(int parentIndent)
    {
        const char quote = m_text[m_pos];
        std::string out;
        std::size_t keep = 0; // output length without trailing unescaped blanks
        std::size_t i = m_pos + 1;
        bool escapedBreak = false;
        for (;;) {
            if (i >= m_lineEnd) {
                out.resize(keep);
                std::size_t emptyLines = 0;
                std::size_t p = 0;
                for (;;) {
                    if (!nextRawLine())
                        outside(); // unterminated: yaml-cpp path reports it
                    p = firstNonSpace();
                    if (p < m_lineEnd)
                        break;
                    ++emptyLines;
                }
                if (int(p - m_lineStart) <= parentIndent || (escapedBreak && emptyLines > 0))
                    outside();
                if (p == m_lineStart && (m_text.compare(p, 3, "---") == 0 || m_text.compare(p, 3, "...") == 0))
                    outside();
                if (emptyLines > 0)
                    out.append(emptyLines, '\n');
                else if (!escapedBreak)
                    out += ' ';
                escapedBreak = false;
                keep = out.size();
                i = p;
                continue;
            }
            const char c = m_text[i];
            if (c == quote) {
                if (quote == '\'' && at(i + 1) == '\'') {
                    out += '\'';
                    i += 2;
                    keep = out.size();
                    continue;
                }
                m_pos = i + 1;
                return out;
            }
            if (c == '\\' && quote == '"') {
                if (i + 1 >= m_lineEnd) {
                    escapedBreak = true;
                    keep = out.size();
                    i = m_lineEnd;
                    continue;
                }
                if (!decodeEscape(m_text, m_lineEnd, i, out))
                    outside();
                ++i;
                keep = out.size();
                continue;
            }
            out += c;
            if (c != ' ')
                keep = out.size();
            ++i;
        }
    }

    mutable std::size_t m_colonAsked = std::string_view::npos;
    mutable std::size_t m_colonFound = std::string_view::npos;
    int m_depth = 0;
    // Per thread, so the lists keep their capacity from one file to the next.
    static inline thread_local std::deque<std::vector<MapEntry>> m_entryScratch;
    static inline thread_local std::deque<std::vector<Node>> m_itemScratch;
};

} // namespace

std::optional<std::vector<std::pair<int, Node>>> readBlockSubset(std::string_view text)
{
    try {
        return SubsetReader(text).read();
    } catch (const OutsideSubset &) {
        return std::nullopt;
    }
}

} // namespace capstan::manifest::yaml
