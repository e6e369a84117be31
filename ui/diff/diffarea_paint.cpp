#include "diff/diffarea.h"

#include <QPainter>
#include <QScrollBar>
#include <QTextLayout>

#include <algorithm>

// DiffArea's painting: only the visual rows on screen, each side's row colour,
// line number, highlighted text and changed words.

namespace capstan::ui {

using textdiff::Row;
using textdiff::RowKind;

void DiffArea::paintEvent(QPaintEvent *)
{
    QPainter painter(viewport());
    painter.fillRect(viewport()->rect(), m_colors.base);
    if (!m_document)
        return;
    painter.setFont(font());

    const int first = firstVisibleRow();
    const int last = std::min(visualRowCount(), first + visibleRowCount() + 1);
    const auto &starts = m_document->diff.changeStarts;
    const int currentStart = m_currentChange >= 0 ? starts[static_cast<std::size_t>(m_currentChange)] : -1;
    for (int v = first; v < last; ++v) {
        const int y = (v - first) * m_rowHeight;
        const int fold = foldAt(v);
        if (fold >= 0) {
            paintFold(painter, y, fold);
        } else {
            const Row &row = m_document->diff.rows[static_cast<std::size_t>(m_visual[static_cast<std::size_t>(v)])];
            paintRow(painter, y, row, Side::Left);
            paintRow(painter, y, row, Side::Right);
            // The current change's rows carry a bar on both sides.
            const int r = m_visual[static_cast<std::size_t>(v)];
            if (currentStart >= 0 && r >= currentStart && row.kind != RowKind::Equal) {
                const auto next = std::upper_bound(starts.begin(), starts.end(), currentStart);
                if (next == starts.end() || r < *next) {
                    painter.fillRect(0, y, MarkerWidth, m_rowHeight, m_colors.current);
                    painter.fillRect(halfWidth(), y, MarkerWidth, m_rowHeight, m_colors.current);
                }
            }
        }
        if (v == m_cursor && hasFocus()) {
            painter.setPen(QPen(m_colors.current, 1, Qt::DotLine));
            painter.setBrush(Qt::NoBrush);
            painter.drawRect(QRect(0, y, viewport()->width() - 1, m_rowHeight - 1));
        }
    }
    painter.setPen(m_colors.fillerHatch);
    painter.drawLine(halfWidth() - 1, 0, halfWidth() - 1, viewport()->height());
}

void DiffArea::paintRow(QPainter &painter, int y, const Row &row, Side side)
{
    const bool left = side == Side::Left;
    const int x = left ? 0 : halfWidth();
    const int width = left ? halfWidth() - 1 : viewport()->width() - halfWidth();
    const int line = left ? row.left : row.right;
    const QRect rowRect(x, y, width, m_rowHeight);

    if (line == Row::NoLine) {
        painter.fillRect(rowRect, m_colors.filler);
        painter.fillRect(rowRect, QBrush(m_colors.fillerHatch, Qt::BDiagPattern));
        return;
    }
    QColor background = m_colors.base;
    QColor word;
    if (row.kind != RowKind::Equal) {
        background = left ? m_colors.removed : m_colors.added;
        word = left ? m_colors.removedWord : m_colors.addedWord;
    }
    painter.fillRect(rowRect, background);

    const int gutter = gutterWidth();
    const QRect gutterRect(x, y, gutter - Margin, m_rowHeight);
    if (row.kind == RowKind::Equal)
        painter.fillRect(gutterRect, m_colors.gutter);
    painter.setPen(m_colors.lineNumber);
    painter.drawText(
        gutterRect.adjusted(0, 0, -Margin, 0), Qt::AlignRight | Qt::AlignVCenter, QString::number(line + 1));

    const QRect textRect(x + gutter, y, width - gutter, m_rowHeight);
    const DiffSide &text = left ? m_document->left : m_document->right;
    paintLineText(painter, textRect, text, line, left ? row.leftSpans : row.rightSpans, word,
        left ? m_leftHighlighter : m_rightHighlighter);
}

void DiffArea::paintLineText(QPainter &painter, const QRect &textRect, const DiffSide &side, int line,
    const std::vector<textdiff::Span> &spans, const QColor &wordColor, LineHighlighter &highlighter)
{
    const std::string_view bytes = side.lineBytes(line);
    if (bytes.empty())
        return;
    QList<QTextLayout::FormatRange> formats = highlighter.formats(line);
    for (const textdiff::Span &span : spans) {
        const int start = textdiff::utf16Offset(bytes, span.start);
        const int end = textdiff::utf16Offset(bytes, span.start + span.length);
        QTextCharFormat format;
        format.setBackground(wordColor);
        formats.append({ start, end - start, format });
    }
    QTextLayout layout(QString::fromUtf8(bytes), font(), viewport());
    QTextOption option;
    option.setWrapMode(QTextOption::NoWrap);
    option.setTabStopDistance(8 * m_charWidth);
    layout.setTextOption(option);
    layout.setFormats(formats);
    layout.beginLayout();
    QTextLine textLine = layout.createLine();
    textLine.setLeadingIncluded(false);
    layout.endLayout();

    painter.save();
    painter.setClipRect(textRect);
    painter.setPen(m_colors.text);
    layout.draw(&painter, QPointF(textRect.x() - horizontalScrollBar()->value(), textRect.y()));
    painter.restore();
}

void DiffArea::paintFold(QPainter &painter, int y, int fold)
{
    const textdiff::Fold &f = m_document->folds[static_cast<std::size_t>(fold)];
    const QRect rect(0, y, viewport()->width(), m_rowHeight);
    painter.fillRect(rect, m_colors.fold);
    painter.setPen(m_colors.lineNumber);
    const QString text = tr("⋯ %n unchanged lines", nullptr, f.rowCount);
    painter.drawText(rect.adjusted(gutterWidth(), 0, 0, 0), Qt::AlignLeft | Qt::AlignVCenter, text);
    painter.drawText(rect.adjusted(halfWidth() + gutterWidth(), 0, 0, 0), Qt::AlignLeft | Qt::AlignVCenter, text);
}

} // namespace capstan::ui
