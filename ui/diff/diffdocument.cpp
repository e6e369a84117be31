#include "diff/diffdocument.h"

#include "diff/secretmask.h"
#include "reconcile/textdiff/lines.h"

#include <algorithm>

namespace capstan::ui {

namespace {

// Characters of a UTF-8 line: bytes that do not continue a sequence.
int characterCount(std::string_view line)
{
    int count = 0;
    for (char c : line)
        count += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return count;
}

// "---" at the start of a line, alone or before a space: YAML's document start.
bool isDocumentMarker(std::string_view line)
{
    return line.starts_with("---") && (line.size() == 3 || line[3] == ' ' || line[3] == '\r');
}

DiffSide makeSide(const QString &label, QByteArray text, const textdiff::Lines &lines)
{
    DiffSide side;
    side.label = label;
    side.lines.reserve(lines.lines.size());
    side.documentStarts.push_back(0);
    for (std::string_view line : lines.lines) {
        if (isDocumentMarker(line) && !side.lines.empty())
            side.documentStarts.push_back(static_cast<int>(side.lines.size()));
        side.lines.push_back({ static_cast<int>(line.data() - text.constData()), static_cast<int>(line.size()) });
        side.longestLine = std::max(side.longestLine, characterCount(line));
    }
    side.text = std::move(text);
    return side;
}

} // namespace

std::string_view DiffSide::lineBytes(int line) const
{
    const textdiff::Span &span = lines[static_cast<std::size_t>(line)];
    return { text.constData() + span.start, static_cast<std::size_t>(span.length) };
}

DiffDocumentPtr buildDiffDocument(
    const QString &leftLabel, QByteArray left, const QString &rightLabel, QByteArray right)
{
    maskSecretValues(left, right);
    // The views point into the byte arrays, which move into the document
    // without copying, so the offsets taken from them stay true.
    const textdiff::Lines leftLines = textdiff::splitLines({ left.constData(), static_cast<std::size_t>(left.size()) });
    const textdiff::Lines rightLines
        = textdiff::splitLines({ right.constData(), static_cast<std::size_t>(right.size()) });

    auto document = std::make_shared<DiffDocument>();
    document->diff = textdiff::alignSideBySide(leftLines, rightLines);
    document->folds = textdiff::foldUnchanged(document->diff.rows);
    document->left = makeSide(leftLabel, std::move(left), leftLines);
    document->right = makeSide(rightLabel, std::move(right), rightLines);
    return document;
}

} // namespace capstan::ui
