#include "diff/linehighlighter.h"

#include "diff/diffdocument.h"
#include "yamlview.h"

#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Format>
#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/Theme>

#include <algorithm>

namespace capstan::ui {

LineHighlighter::LineHighlighter()
{
    setDefinition(syntaxRepository().definitionForName(QStringLiteral("YAML")));
}

LineHighlighter::~LineHighlighter() = default;

void LineHighlighter::setSide(const DiffSide *side)
{
    m_side = side;
    clear();
}

void LineHighlighter::setTheme(const KSyntaxHighlighting::Theme &theme)
{
    AbstractHighlighter::setTheme(theme);
    m_charFormats.clear();
    clear();
}

void LineHighlighter::clear()
{
    m_formats.clear();
    m_progress.clear();
}

const QList<QTextLayout::FormatRange> &LineHighlighter::formats(int line)
{
    Q_ASSERT(m_side && line >= 0 && line < m_side->lineCount());
    if (m_formats.empty()) {
        m_formats.resize(static_cast<std::size_t>(m_side->lineCount()));
        for (int start : m_side->documentStarts)
            m_progress.push_back({ start, KSyntaxHighlighting::State() });
    }
    const auto &starts = m_side->documentStarts;
    const auto document = std::upper_bound(starts.begin(), starts.end(), line) - starts.begin() - 1;
    Progress &progress = m_progress[static_cast<std::size_t>(document)];
    while (progress.next <= line) {
        m_target = &m_formats[static_cast<std::size_t>(progress.next)];
        const QString text = m_side->lineText(progress.next);
        progress.state = highlightLine(QStringView(text), progress.state);
        m_target = nullptr;
        ++progress.next;
    }
    return m_formats[static_cast<std::size_t>(line)];
}

void LineHighlighter::applyFormat(int offset, int length, const KSyntaxHighlighting::Format &format)
{
    if (!m_target || length <= 0 || format.isDefaultTextStyle(theme()))
        return;
    m_target->append({ offset, length, charFormat(format) });
}

QTextCharFormat LineHighlighter::charFormat(const KSyntaxHighlighting::Format &format)
{
    auto it = m_charFormats.find(format.id());
    if (it != m_charFormats.end())
        return *it;
    const KSyntaxHighlighting::Theme t = theme();
    QTextCharFormat result;
    if (format.hasTextColor(t))
        result.setForeground(format.textColor(t));
    if (format.isBold(t))
        result.setFontWeight(QFont::Bold);
    if (format.isItalic(t))
        result.setFontItalic(true);
    if (format.isUnderline(t))
        result.setFontUnderline(true);
    if (format.isStrikeThrough(t))
        result.setFontStrikeOut(true);
    m_charFormats.insert(format.id(), result);
    return result;
}

} // namespace capstan::ui
