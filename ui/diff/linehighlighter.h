#pragma once

#include <KSyntaxHighlighting/AbstractHighlighter>
#include <KSyntaxHighlighting/State>

#include <QHash>
#include <QList>
#include <QTextLayout>

#include <vector>

namespace capstan::ui {

struct DiffSide;

// YAML highlighting of one side of a diff, computed lazily: a line is
// highlighted the first time it is painted, after the lines above it in its
// YAML document (the highlighter's state runs top to bottom, and starts afresh
// at each "---"), and the result is kept. Opening or jumping within a
// 10,000-line diff therefore costs about the lines on screen.
class LineHighlighter final : public KSyntaxHighlighting::AbstractHighlighter
{
public:
    LineHighlighter();
    ~LineHighlighter() override;

    // The side to highlight; it must outlive its use here. Clears the cache.
    void setSide(const DiffSide *side);
    void setTheme(const KSyntaxHighlighting::Theme &theme) override;

    // The formats of a 0-based line, in UTF-16 positions of its QString.
    const QList<QTextLayout::FormatRange> &formats(int line);

protected:
    void applyFormat(int offset, int length, const KSyntaxHighlighting::Format &format) override;

private:
    QTextCharFormat charFormat(const KSyntaxHighlighting::Format &format);
    void clear();

    // How far highlighting has got within one YAML document.
    struct Progress
    {
        int next = 0; // the first line not highlighted yet
        KSyntaxHighlighting::State state; // the highlighter's state before it
    };

    const DiffSide *m_side = nullptr;
    std::vector<QList<QTextLayout::FormatRange>> m_formats; // per line; empty until the side is first used
    std::vector<Progress> m_progress; // per DiffSide::documentStarts entry
    QList<QTextLayout::FormatRange> *m_target = nullptr;
    QHash<quint16, QTextCharFormat> m_charFormats; // by Format::id(), for the current theme
};

} // namespace capstan::ui
