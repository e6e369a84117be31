#include "manifest/yaml_reader.h"
#include "manifest/yaml_reader_p.h"

#include "manifest/yaml_block_scalar.h"
#include "manifest/yaml_fast_reader.h"
#include "manifest/yaml_scalar.h"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <istream>
#include <memory>
#include <optional>
#include <streambuf>
#include <unordered_map>

namespace capstan::manifest {

namespace {

// Lets yaml-cpp read the caller's text without copying it into a stringstream.
class ViewBuffer final : public std::streambuf
{
public:
    explicit ViewBuffer(std::string_view text)
    {
        char *begin = const_cast<char *>(text.data()); // read-only: the get area is never written
        setg(begin, begin, begin + text.size());
    }
};

// A problem found while building the tree (duplicate key, ...); caught in
// parse() and turned into an Error, so it never leaves this file.
struct TreeError
{
    Mark mark;
    std::string message;
};

Mark toMark(const YAML::Mark &m)
{
    if (m.line < 0 || m.column < 0)
        return {};
    return { m.line + 1, m.column + 1 };
}

constexpr std::string_view kStringTag = "tag:yaml.org,2002:str";

// Builds Nodes from yaml-cpp's events, one document at a time.
class TreeBuilder final : public YAML::EventHandler
{
public:
    TreeBuilder(std::string_view text, DuplicateKeys duplicates)
        : m_text(text)
        , m_duplicates(duplicates)
    {
    }

    std::vector<std::pair<int, Node>> documents; // stream index, root

    void OnDocumentStart(const YAML::Mark &) override
    {
        m_anchors.clear();
        m_stack.clear();
        m_root.reset();
        m_checkSeparator = m_documentIndex > 0;
    }

    void OnDocumentEnd() override
    {
        if (m_root && !m_root->isNull())
            documents.emplace_back(m_documentIndex, std::move(*m_root));
        ++m_documentIndex;
    }

    void OnNull(const YAML::Mark &mark, YAML::anchor_t anchor) override
    {
        visit(mark);
        if (awaitingKey()) {
            setKey(std::string(), toMark(mark), false);
            if (anchor)
                remember(anchor, Node::null());
            return;
        }
        Node node;
        node.setMark(toMark(mark));
        finish(std::move(node), anchor);
    }

    void OnAlias(const YAML::Mark &mark, YAML::anchor_t anchor) override
    {
        visit(mark);
        const auto it = m_anchors.find(anchor);
        if (it == m_anchors.end())
            throw TreeError { toMark(mark),
                "the alias refers to an anchor that is not defined (or not complete) here" };
        if (awaitingKey()) {
            if (!it->second.isScalar())
                throw TreeError { toMark(mark), "expected a scalar mapping key, found an alias to a collection" };
            setKey(it->second.text(), toMark(mark), false);
            return;
        }
        finish(Node(it->second), 0);
    }

    void OnScalar(
        const YAML::Mark &mark, const std::string &tag, YAML::anchor_t anchor, const std::string &value) override
    {
        visit(mark);
        checkClosingQuote(mark);
        if (awaitingKey()) {
            // go-yaml decodes any scalar key into a string from its source text.
            setKey(value, toMark(mark), tag == "?" && value == "<<");
            if (anchor)
                remember(anchor, resolve(tag, value));
            return;
        }
        Node node;
        if (std::optional<yaml::BlockScalar> block = blockScalar(tag, mark))
            node = resolve(tag, block->folded ? yaml::foldedRoundTrip(block->value) : block->value);
        else
            node = resolve(tag, value);
        node.setMark(toMark(mark));
        finish(std::move(node), anchor);
    }

    void OnSequenceStart(
        const YAML::Mark &mark, const std::string &, YAML::anchor_t anchor, YAML::EmitterStyle::value) override
    {
        startCollection(Node::sequence(), mark, anchor);
    }

    void OnSequenceEnd() override { endCollection(); }

    void OnMapStart(
        const YAML::Mark &mark, const std::string &, YAML::anchor_t anchor, YAML::EmitterStyle::value) override
    {
        startCollection(Node::map(), mark, anchor);
    }

    void OnMapEnd() override
    {
        applyMerges(m_stack.back());
        endCollection();
    }

private:
    struct Frame
    {
        Node node;
        YAML::anchor_t anchor = 0;
        bool haveKey = false;
        bool keyIsMerge = false;
        std::string key;
        Mark keyMark;
        std::vector<Node> merges; // values of "<<" keys, applied at the end of the mapping
    };

    // yaml-cpp starts a new document where a line at the wrong indentation
    // follows a complete one ("- a\nb: 1"); YAML (and kubectl) require "---".
    void visit(const YAML::Mark &mark)
    {
        const auto pos = std::size_t(std::max(mark.pos, 0));
        if (m_checkSeparator) {
            m_checkSeparator = false;
            // From the line break before the last event of the previous document
            // (an empty value's mark can sit on the next "---").
            const std::size_t from = std::min(m_lastPos, m_text.size());
            const std::size_t lineStart = from == 0 ? 0 : m_text.rfind('\n', from - 1);
            const std::size_t begin = lineStart == std::string_view::npos ? 0 : lineStart;
            const std::string_view between = m_text.substr(begin, pos > begin ? pos - begin : 0);
            const bool atStart = begin == 0 && (between.substr(0, 3) == "---" || between.substr(0, 3) == "...");
            if (!atStart && between.find("\n---") == std::string_view::npos
                && between.find("\n...") == std::string_view::npos)
                throw TreeError { toMark(mark),
                    "expected the end of the document or a line at the indentation of "
                    "the enclosing collection (a new document needs '---')" };
        }
        m_lastPos = std::max(m_lastPos, pos);
    }

    // A '|' or '>' scalar read again from the source (see readBlockScalar).
    std::optional<yaml::BlockScalar> blockScalar(const std::string &tag, const YAML::Mark &mark) const
    {
        if (tag == "?" || mark.pos < 0)
            return std::nullopt;
        const int parentIndent = m_stack.empty() ? -1 : m_stack.back().node.mark().column - 1;
        return yaml::readBlockScalar(m_text, std::size_t(mark.pos), parentIndent);
    }

    // yaml-cpp accepts a quoted string left open at the end of the input.
    void checkClosingQuote(const YAML::Mark &mark) const
    {
        const auto pos = std::size_t(std::max(mark.pos, 0));
        if (pos >= m_text.size() || (m_text[pos] != '"' && m_text[pos] != '\''))
            return;
        const char quote = m_text[pos];
        for (std::size_t i = pos + 1; i < m_text.size(); ++i) {
            if (quote == '"' && m_text[i] == '\\')
                ++i;
            else if (m_text[i] == quote && quote == '\'' && i + 1 < m_text.size() && m_text[i + 1] == '\'')
                ++i;
            else if (m_text[i] == quote)
                return;
        }
        throw TreeError { toMark(mark),
            std::string("expected a closing ") + quote
                + " for the string that starts here before the end of the file" };
    }

    // Quoted, block and !!str scalars are strings; plain ones (and other
    // tags, which Kubernetes tooling ignores) resolve by their text.
    static Node resolve(const std::string &tag, const std::string &value)
    {
        if (tag == "!" || tag == kStringTag)
            return Node::string(value);
        yaml::ResolvedScalar r = yaml::resolvePlain(value);
        return Node::scalar(std::move(r.text), r.type);
    }

    bool awaitingKey() const { return !m_stack.empty() && m_stack.back().node.isMap() && !m_stack.back().haveKey; }

    void setKey(std::string key, Mark mark, bool isMerge)
    {
        Frame &f = m_stack.back();
        f.haveKey = true;
        f.keyIsMerge = isMerge;
        f.key = std::move(key);
        f.keyMark = mark;
    }

    void remember(YAML::anchor_t anchor, const Node &node) { m_anchors[anchor] = node; }

    void startCollection(Node node, const YAML::Mark &mark, YAML::anchor_t anchor)
    {
        visit(mark);
        if (awaitingKey())
            throw TreeError { toMark(mark), "expected a scalar mapping key, found a collection used as a key" };
        node.setMark(toMark(mark));
        m_stack.push_back(Frame { std::move(node), anchor, false, false, {}, {}, {} });
    }

    void endCollection()
    {
        Frame f = std::move(m_stack.back());
        m_stack.pop_back();
        finish(std::move(f.node), f.anchor);
    }

    // A complete node: becomes the document root, a sequence item or a mapping value.
    void finish(Node node, YAML::anchor_t anchor)
    {
        if (anchor)
            remember(anchor, node);
        if (m_stack.empty()) {
            m_root = std::move(node);
            return;
        }
        Frame &parent = m_stack.back();
        if (parent.node.isSequence()) {
            parent.node.items().push_back(std::move(node));
            return;
        }
        parent.haveKey = false;
        if (parent.keyIsMerge) {
            parent.merges.push_back(std::move(node));
            return;
        }
        for (MapEntry &e : parent.node.entries()) {
            if (e.key != parent.key)
                continue;
            if (m_duplicates == DuplicateKeys::KeepLast) {
                e.value = std::move(node);
                e.keyMark = parent.keyMark;
                return;
            }
            throw TreeError { parent.keyMark,
                    "mapping key \"" + parent.key + "\" already defined at line " + std::to_string(e.keyMark.line) };
        }
        parent.node.entries().push_back(MapEntry { std::move(parent.key), std::move(node), parent.keyMark });
    }

    // "<<: *base" (or a list of them): keys of the mapping itself win, then earlier merges.
    static void applyMerges(Frame &f)
    {
        for (Node &source : f.merges) {
            if (source.isMap()) {
                mergeFrom(f.node, source);
                continue;
            }
            if (!source.isSequence())
                throw TreeError { source.mark(), "expected a mapping or a list of mappings as the value of <<" };
            for (Node &item : source.items()) {
                if (!item.isMap())
                    throw TreeError { item.mark(), "expected a mapping in the list merged with <<" };
                mergeFrom(f.node, item);
            }
        }
    }

    static void mergeFrom(Node &target, Node &source)
    {
        for (MapEntry &e : source.entries())
            if (!target.contains(e.key))
                target.entries().push_back(std::move(e));
    }

    std::string_view m_text;
    DuplicateKeys m_duplicates;
    std::size_t m_lastPos = 0;
    bool m_checkSeparator = false;
    std::vector<Frame> m_stack;
    std::unordered_map<YAML::anchor_t, Node> m_anchors;
    std::optional<Node> m_root;
    int m_documentIndex = 0;
};

// yaml-cpp's terse messages, said as what the reader expected instead.
std::string readableMessage(const std::string &msg)
{
    using namespace YAML::ErrorMsg;
    struct Known
    {
        const char *yamlCpp;
        const char *readable;
    };
    static const Known known[] = {
        { END_OF_MAP, "expected another `key: value` entry or the end of the mapping (check the indentation)" },
        { END_OF_MAP_FLOW, "expected ',' or '}' to continue or close the flow mapping" },
        { END_OF_SEQ, "expected another '- item' or the end of the list (check the indentation)" },
        { END_OF_SEQ_FLOW, "expected ',' or ']' to continue or close the flow list" },
        { MAP_VALUE, "unexpected ':' here; expected a plain value (quote it, or fix the indentation)" },
        { MAP_KEY, "unexpected '?' mapping key here" },
        { BLOCK_ENTRY, "unexpected '- ' list item here; expected a mapping entry at this indentation" },
        { FLOW_END, "unexpected closing bracket; no flow collection is open here" },
        { EOF_IN_SCALAR, "expected the closing quote of this string before the end of the file" },
        { DOC_IN_SCALAR, "expected the closing quote of this string before the document marker" },
        { UNKNOWN_TOKEN, "unexpected text; expected a YAML value" },
        { UNKNOWN_ANCHOR, "expected an anchor defined earlier in this document for this alias" },
        { CHAR_IN_BLOCK, "unexpected character after a block scalar indicator ('|' or '>')" },
    };
    for (const Known &k : known)
        if (msg == k.yamlCpp)
            return k.readable;
    if (msg.find("tab") != std::string::npos)
        return "tabs are not allowed for indentation; use spaces";
    return msg;
}

} // namespace

capstan::Result<std::vector<std::pair<int, Node>>> parseStream(
    std::string_view text, const std::string &file, ReadPath path, DuplicateKeys duplicates)
{
    if (path == ReadPath::Fastest) {
        if (auto documents = yaml::readBlockSubset(text))
            return std::move(*documents);
    }
    ViewBuffer buffer(text);
    std::istream in(&buffer);
    TreeBuilder builder(text, duplicates);
    const auto where = [&](Mark m) {
        return m.line > 0 ? file + ":" + std::to_string(m.line) + ":" + std::to_string(m.column) : file;
    };
    try {
        YAML::Parser parser(in);
        while (parser.HandleNextDocument(builder)) { }
    } catch (const TreeError &e) {
        return makeError(e.message, where(e.mark));
    } catch (const YAML::DeepRecursion &e) {
        return makeError(
            "expected less deeply nested collections (the reader stops at 2000 levels)", where(toMark(e.mark)));
    } catch (const YAML::Exception &e) {
        return makeError(readableMessage(e.msg), where(toMark(e.mark)));
    } catch (const std::exception &e) {
        return makeError(std::string("cannot read YAML: ") + e.what(), file);
    }
    return std::move(builder.documents);
}

namespace {

const char *kindName(const Node &node)
{
    switch (node.kind()) {
    case Node::Kind::Map:
        return "a mapping";
    case Node::Kind::Sequence:
        return "a list";
    case Node::Kind::Scalar:
        break;
    }
    return "a scalar";
}

} // namespace

capstan::Result<std::vector<Node>> parseDocuments(
    std::string_view text, const std::string &file, DuplicateKeys duplicates)
{
    auto parsed = parseStream(text, file, ReadPath::Fastest, duplicates);
    if (!parsed)
        return parsed.error();
    std::vector<Node> nodes;
    nodes.reserve(parsed->size());
    for (auto &doc : *parsed)
        nodes.push_back(std::move(doc.second));
    return nodes;
}

capstan::Result<std::vector<Object>> parseObjects(
    std::string_view text, const std::string &file, DuplicateKeys duplicates)
{
    auto parsed = parseStream(text, file, ReadPath::Fastest, duplicates);
    if (!parsed)
        return parsed.error();
    auto fileName = std::make_shared<const std::string>(file);
    std::vector<Object> objects;
    objects.reserve(parsed->size());
    for (auto &[index, root] : *parsed) {
        if (!root.isMap()) {
            const Mark m = root.mark();
            return makeError(
                std::string("expected a Kubernetes object (a mapping) as the document, found ") + kindName(root),
                file + ":" + std::to_string(m.line) + ":" + std::to_string(m.column));
        }
        objects.emplace_back(std::move(root), Source { fileName, index });
    }
    return objects;
}

} // namespace capstan::manifest
