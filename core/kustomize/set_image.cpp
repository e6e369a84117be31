#include "kustomize/set_image.h"

#include "kustomize/filesystem.h"

#include "manifest/yaml_reader.h"
#include "manifest/yaml_scalar.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

namespace capstan::kustomize {

using manifest::Node;

namespace {

std::vector<std::string> splitLines(const std::string &text, bool &finalNewline)
{
    std::vector<std::string> lines;
    std::size_t pos = 0;
    while (pos < text.size()) {
        const std::size_t end = text.find('\n', pos);
        if (end == std::string::npos) {
            lines.push_back(text.substr(pos));
            pos = text.size();
            finalNewline = false;
            return lines;
        }
        lines.push_back(text.substr(pos, end - pos));
        pos = end + 1;
    }
    finalNewline = true;
    return lines;
}

std::string joinLines(const std::vector<std::string> &lines, bool finalNewline)
{
    std::string out;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        out += lines[i];
        if (i + 1 < lines.size() || finalNewline)
            out += '\n';
    }
    return out;
}

// A value as YAML text that reads back as the same string.
std::string quoted(const std::string &value)
{
    const bool plainOk = !value.empty() && !manifest::yaml::resolvesAsNonString(value)
        && value.find(": ") == std::string::npos && value.find(" #") == std::string::npos && value.back() != ':'
        && value.find_first_of("{}[],&*!|>'\"%@`\n") == std::string::npos && value.front() != '-'
        && value.front() != ' ' && value.back() != ' ' && value.front() != '?' && value.front() != '#';
    if (plainOk)
        return value;
    std::string out = "\"";
    for (char c : value) {
        if (c == '"' || c == '\\')
            out += '\\';
        out += c;
    }
    return out + "\"";
}

// The column just after the scalar starting at `column` (0-based) on line.
std::size_t scalarEnd(const std::string &line, std::size_t column)
{
    if (column < line.size() && (line[column] == '"' || line[column] == '\'')) {
        const char quote = line[column];
        for (std::size_t i = column + 1; i < line.size(); ++i) {
            if (quote == '"' && line[i] == '\\') {
                ++i;
                continue;
            }
            if (line[i] == quote) {
                if (quote == '\'' && i + 1 < line.size() && line[i + 1] == '\'') {
                    ++i;
                    continue;
                }
                return i + 1;
            }
        }
        return line.size();
    }
    std::size_t end = line.find(" #", column);
    if (end == std::string::npos)
        end = line.size();
    while (end > column && (line[end - 1] == ' ' || line[end - 1] == '\t'))
        --end;
    return end;
}

int lastLine(const Node &node, int line)
{
    line = std::max(line, node.mark().line);
    if (node.isMap())
        for (const auto &e : node.entries())
            line = lastLine(e.value, std::max(line, e.keyMark.line));
    else if (node.isSequence())
        for (const Node &item : node.items())
            line = lastLine(item, line);
    return line;
}

} // namespace

Result<std::string> setImageInText(const std::string &text, const ImageOverride &image, const std::string &file)
{
    auto docs = manifest::parseDocuments(text, file);
    if (!docs)
        return docs.error();
    if (docs->size() > 1)
        return makeError("a kustomization file holds one YAML document", file);
    const Node root = docs->empty() ? Node::map() : docs->front();
    if (!root.isMap())
        return makeError("a kustomization must be a map", file);

    // The fields to write, in kustomize's order; nullopt: leave alone, "": remove.
    std::vector<std::pair<std::string, std::optional<std::string>>> fields = {
        {"newName", image.newName}, {"newTag", image.newTag}, {"digest", image.digest}};
    if (image.newTag && !image.digest)
        fields[2].second = std::string();
    if (image.digest && !image.newTag)
        fields[1].second = std::string();

    bool finalNewline = true;
    std::vector<std::string> lines = splitLines(text, finalNewline);
    const auto newEntry = [&](const std::string &indent) {
        std::vector<std::string> out = {indent + "- name: " + quoted(image.name)};
        for (const auto &[key, value] : fields)
            if (value && !value->empty())
                out.push_back(indent + "  " + key + ": " + quoted(*value));
        return out;
    };

    const manifest::MapEntry *imagesEntry = nullptr;
    for (const auto &e : root.entries())
        if (e.key == "images")
            imagesEntry = &e;

    const bool emptyImages = !imagesEntry || imagesEntry->value.isNull()
        || (imagesEntry->value.isSequence() && imagesEntry->value.empty());
    if (emptyImages) {
        const std::vector<std::string> entry = newEntry("");
        if (imagesEntry) {
            const std::size_t at = static_cast<std::size_t>(imagesEntry->keyMark.line - 1);
            if (at >= lines.size())
                return makeError("cannot locate the images field", file);
            lines[at] = lines[at].substr(0, lines[at].find("images")) + "images:";
            lines.insert(lines.begin() + static_cast<std::ptrdiff_t>(at + 1), entry.begin(), entry.end());
        } else {
            if (!finalNewline && !lines.empty())
                finalNewline = true;
            lines.push_back("images:");
            lines.insert(lines.end(), entry.begin(), entry.end());
            finalNewline = true;
        }
        return joinLines(lines, finalNewline);
    }

    const Node &images = imagesEntry->value;
    if (!images.isSequence())
        return makeError("field 'images' is not a list", file);
    const std::size_t imagesLine = static_cast<std::size_t>(imagesEntry->keyMark.line - 1);
    if (imagesLine < lines.size() && lines[imagesLine].find('[') != std::string::npos)
        return makeError("field 'images' is a flow-style list; write it as a block list to edit it", file);

    const Node *entry = nullptr;
    for (const Node &item : images.items())
        if (item.isMap() && item.textAt({"name"}) == image.name)
            entry = &item;

    if (!entry) {
        const std::size_t firstItemLine = static_cast<std::size_t>(images.items().front().mark().line - 1);
        std::string indent;
        if (firstItemLine < lines.size())
            indent = lines[firstItemLine].substr(0, lines[firstItemLine].find('-'));
        const std::vector<std::string> added = newEntry(indent);
        const std::size_t after = static_cast<std::size_t>(lastLine(images, imagesEntry->keyMark.line));
        lines.insert(lines.begin() + static_cast<std::ptrdiff_t>(std::min(after, lines.size())), added.begin(),
                     added.end());
        return joinLines(lines, finalNewline);
    }

    const std::size_t keyColumn = static_cast<std::size_t>(entry->entries().front().keyMark.column - 1);
    std::vector<std::size_t> removeLines;
    std::vector<std::string> insertLines;
    for (const auto &[key, value] : fields) {
        if (!value)
            continue;
        const Node *existing = entry->find(key);
        if (existing) {
            const std::size_t line = static_cast<std::size_t>(existing->mark().line - 1);
            if (line >= lines.size())
                return makeError("cannot locate field '" + key + "' of image " + image.name, file);
            if (value->empty()) {
                removeLines.push_back(line);
                continue;
            }
            const std::size_t column = static_cast<std::size_t>(existing->mark().column - 1);
            const std::size_t end = scalarEnd(lines[line], column);
            lines[line] = lines[line].substr(0, column) + quoted(*value) + lines[line].substr(end);
        } else if (!value->empty()) {
            insertLines.push_back(std::string(keyColumn, ' ') + key + ": " + quoted(*value));
        }
    }
    const std::size_t after = static_cast<std::size_t>(lastLine(*entry, 0));
    lines.insert(lines.begin() + static_cast<std::ptrdiff_t>(std::min(after, lines.size())), insertLines.begin(),
                 insertLines.end());
    std::sort(removeLines.rbegin(), removeLines.rend());
    for (std::size_t line : removeLines)
        lines.erase(lines.begin() + static_cast<std::ptrdiff_t>(line));
    return joinLines(lines, finalNewline);
}

} // namespace capstan::kustomize

namespace capstan::kustomize {

Result<void> setImage(const std::string &overlayDir, const std::string &name, const std::optional<std::string> &newName,
                      const std::optional<std::string> &newTag, const std::optional<std::string> &digest)
{
    namespace fs = std::filesystem;
    fs::path file;
    for (const char *candidate : kKustomizationFileNames) {
        std::error_code ec;
        if (fs::is_regular_file(fs::path(overlayDir) / candidate, ec)) {
            file = fs::path(overlayDir) / candidate;
            break;
        }
    }
    if (file.empty())
        return makeError("no kustomization file in directory", overlayDir);
    std::ifstream in(file, std::ios::binary);
    if (!in)
        return makeError("cannot read file", file.string());
    std::ostringstream text;
    text << in.rdbuf();
    in.close();
    auto edited = setImageInText(text.str(), ImageOverride{name, newName, newTag, digest}, file.string());
    if (!edited)
        return edited.error();
    if (*edited == text.str())
        return {};
    const fs::path temporary = file.string() + ".capstan-tmp";
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        out << *edited;
        if (!out.flush())
            return makeError("cannot write file", temporary.string());
    }
    std::error_code ec;
    fs::rename(temporary, file, ec);
    if (ec)
        return makeError("cannot replace file: " + ec.message(), file.string());
    return {};
}

} // namespace capstan::kustomize
