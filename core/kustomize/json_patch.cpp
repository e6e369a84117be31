#include "kustomize/json_patch.h"

#include <charconv>

namespace capstan::kustomize {

using manifest::Node;

namespace {

Result<std::vector<std::string>> parsePointer(const std::string &pointer)
{
    std::vector<std::string> tokens;
    if (pointer.empty())
        return tokens;
    if (pointer[0] != '/')
        return makeError("JSON pointer '" + pointer + "' must start with '/'");
    std::string token;
    for (std::size_t i = 1; i <= pointer.size(); ++i) {
        if (i == pointer.size() || pointer[i] == '/') {
            tokens.push_back(std::move(token));
            token.clear();
        } else if (pointer[i] == '~' && i + 1 < pointer.size() && (pointer[i + 1] == '0' || pointer[i + 1] == '1')) {
            token += pointer[i + 1] == '0' ? '~' : '/';
            ++i;
        } else {
            token += pointer[i];
        }
    }
    return tokens;
}

bool parseIndex(const std::string &token, std::size_t &index)
{
    if (token.empty() || (token.size() > 1 && token[0] == '0'))
        return false;
    auto [ptr, ec] = std::from_chars(token.data(), token.data() + token.size(), index);
    return ec == std::errc() && ptr == token.data() + token.size();
}

// The node a pointer names, or nullptr.
Node *resolve(Node &document, const std::vector<std::string> &tokens, std::size_t count)
{
    Node *node = &document;
    for (std::size_t i = 0; i < count; ++i) {
        if (node->isMap()) {
            node = node->find(tokens[i]);
        } else if (node->isSequence()) {
            std::size_t index = 0;
            if (!parseIndex(tokens[i], index) || index >= node->items().size())
                return nullptr;
            node = &node->items()[index];
        } else {
            return nullptr;
        }
        if (!node)
            return nullptr;
    }
    return node;
}

Result<void> addAt(Node &document, const std::vector<std::string> &tokens, Node value, const std::string &path)
{
    if (tokens.empty()) {
        document = std::move(value);
        return {};
    }
    Node *parent = resolve(document, tokens, tokens.size() - 1);
    if (!parent)
        return makeError("add operation does not apply: doc is missing path: \"" + path + "\"");
    const std::string &last = tokens.back();
    if (parent->isMap()) {
        parent->set(last, std::move(value));
        return {};
    }
    if (parent->isSequence()) {
        auto &items = parent->items();
        if (last == "-") {
            items.push_back(std::move(value));
            return {};
        }
        std::size_t index = 0;
        if (!parseIndex(last, index) || index > items.size())
            return makeError("add operation does not apply: index out of range in \"" + path + "\"");
        items.insert(items.begin() + static_cast<std::ptrdiff_t>(index), std::move(value));
        return {};
    }
    return makeError("add operation does not apply: doc is missing path: \"" + path + "\"");
}

Result<Node> removeAt(Node &document, const std::vector<std::string> &tokens, const std::string &path, const char *op)
{
    const auto missing = [&] { return makeError(std::string(op) + " operation does not apply: doc is missing path: \"" + path + "\""); };
    if (tokens.empty())
        return missing();
    Node *parent = resolve(document, tokens, tokens.size() - 1);
    if (!parent)
        return missing();
    if (parent->isMap()) {
        Node *child = parent->find(tokens.back());
        if (!child)
            return missing();
        Node removed = std::move(*child);
        parent->remove(tokens.back());
        return removed;
    }
    if (parent->isSequence()) {
        std::size_t index = 0;
        if (!parseIndex(tokens.back(), index) || index >= parent->items().size())
            return missing();
        Node removed = std::move(parent->items()[index]);
        parent->items().erase(parent->items().begin() + static_cast<std::ptrdiff_t>(index));
        return removed;
    }
    return missing();
}

} // namespace

Result<void> applyJsonPatch(Node &document, const Node &operations)
{
    if (!operations.isSequence())
        return makeError("a JSON patch must be a list of operations");
    for (const Node &operation : operations.items()) {
        if (!operation.isMap())
            return makeError("a JSON patch operation must be a map");
        const std::string op = operation.textAt({"op"});
        const std::string path = operation.textAt({"path"});
        auto tokens = parsePointer(path);
        if (!tokens)
            return tokens.error();
        const Node *value = operation.find("value");
        if (op == "add" || op == "replace" || op == "test") {
            if (!value)
                return makeError(op + " operation needs a 'value' (path \"" + path + "\")");
        }
        if (op == "add") {
            if (auto ok = addAt(document, *tokens, *value, path); !ok)
                return ok;
        } else if (op == "remove") {
            if (auto removed = removeAt(document, *tokens, path, "remove"); !removed)
                return removed.error();
        } else if (op == "replace") {
            Node *target = resolve(document, *tokens, tokens->size());
            if (!target)
                return makeError("replace operation does not apply: doc is missing key: \"" + path + "\"");
            *target = *value;
        } else if (op == "move" || op == "copy") {
            const std::string from = operation.textAt({"from"});
            auto fromTokens = parsePointer(from);
            if (!fromTokens)
                return fromTokens.error();
            Node moved;
            if (op == "move") {
                auto removed = removeAt(document, *fromTokens, from, "move");
                if (!removed)
                    return removed.error();
                moved = std::move(*removed);
            } else {
                const Node *source = resolve(document, *fromTokens, fromTokens->size());
                if (!source)
                    return makeError("copy operation does not apply: doc is missing from path: \"" + from + "\"");
                moved = *source;
            }
            if (auto ok = addAt(document, *tokens, std::move(moved), path); !ok)
                return ok;
        } else if (op == "test") {
            const Node *target = resolve(document, *tokens, tokens->size());
            if (!target || !(*target == *value))
                return makeError("testing value " + path + " failed: test failed");
        } else {
            return makeError("unknown JSON patch operation '" + op + "'");
        }
    }
    return {};
}

} // namespace capstan::kustomize
