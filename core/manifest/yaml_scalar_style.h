#pragma once

#include <string>
#include <string_view>

// How go-yaml v2 (what `kubectl kustomize` prints with) writes a string: the
// style it picks after analysing the text, and its 80-column line folding.
namespace capstan::manifest::yaml {

// Text being emitted and the column the emitter is at (in characters, as
// go-yaml counts them for folding).
class Output
{
public:
    std::string text;
    int column = 0;

    void put(char c)
    {
        text += c;
        ++column;
    }
    void write(std::string_view s);
    void newline()
    {
        text += '\n';
        column = 0;
    }
    // Pads with spaces up to the column.
    void padTo(int indent)
    {
        if (column < indent) {
            text.append(std::size_t(indent - column), ' ');
            column = indent;
        }
    }
};

enum class ScalarStyle { Plain, SingleQuoted, DoubleQuoted, Literal };

// The style go-yaml v2 writes a string value (or a mapping key) in.
ScalarStyle stringStyle(std::string_view value, bool isKey);

// Whether go-yaml may write the text as a block ('|' or '>') scalar at all.
bool blockStyleAllowed(std::string_view value);

// Writes a string in the given style; `indent` is the column continuation
// lines and block-scalar content start at. Keys are never folded.
void writeString(Output &out, std::string_view value, ScalarStyle style, int indent, bool isKey);

} // namespace capstan::manifest::yaml
