#pragma once

#include "diff/diffcolors.h"
#include "diff/diffdocument.h"
#include "diff/linehighlighter.h"

#include <QAbstractScrollArea>

#include <vector>

namespace capstan::ui {

// Both sides of a diff in one painted viewport: line numbers, row colours,
// changed words, YAML highlighting, filler where a side has no line, and
// unchanged runs folded into one clickable row. Only the rows on screen are
// laid out and highlighted, so a 10,000-line diff opens as fast as a short one.
// One vertical scroll bar moves both sides; so does the horizontal one.
class DiffArea final : public QAbstractScrollArea
{
    Q_OBJECT

public:
    enum class Side { Left, Right };

    explicit DiffArea(QWidget *parent = nullptr);
    ~DiffArea() override;

    void setDocument(DiffDocumentPtr document);
    const DiffDocumentPtr &document() const { return m_document; }

    // Rows as shown: the diff's rows, with each folded run standing as one row.
    int visualRowCount() const { return static_cast<int>(m_visual.size()); }
    // The diff row a visual row shows (a fold: its first row).
    int rowAt(int visualRow) const;
    // The fold a visual row stands for, or -1.
    int foldAt(int visualRow) const;
    // The visual row showing a diff row, or -1 where the row is folded away.
    int visualRowOfRow(int row) const;
    // Where a visual row is painted, in viewport coordinates.
    QRect visualRowRect(int visualRow) const;
    // The visual row at a viewport y, or -1.
    int visualRowAtY(int y) const;
    int firstVisibleRow() const;
    int visibleRowCount() const;

    // The keyboard cursor: the visual row that Enter acts on.
    int cursorRow() const { return m_cursor; }
    void setCursorRow(int visualRow);
    // The change last moved to with next/previous (index into changeStarts), or -1.
    int currentChange() const { return m_currentChange; }

    bool isFoldExpanded(int fold) const;
    void expandFold(int fold);

    // The highlighting theme in use, following the palette.
    QString themeName() const;
    const DiffColors &colors() const { return m_colors; }

    void nextChange();
    void previousChange();

Q_SIGNALS:
    void currentChangeChanged(int change);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    bool viewportEvent(QEvent *event) override;
    void changeEvent(QEvent *event) override;
    void focusInEvent(QFocusEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;

private:
    void rebuildVisualRows();
    void updateMetrics();
    void updateScrollBars();
    void applyPalette();
    void moveToChange(int change);
    void ensureVisible(int visualRow, int context);
    void activateCursorRow();
    // Painting, in diffarea_paint.cpp.
    void paintRow(QPainter &painter, int y, const textdiff::Row &row, Side side);
    void paintFold(QPainter &painter, int y, int fold);
    void paintLineText(QPainter &painter, const QRect &textRect, const DiffSide &side, int line,
        const std::vector<textdiff::Span> &spans, const QColor &wordColor, LineHighlighter &highlighter);
    int halfWidth() const;
    int gutterWidth() const;

    static constexpr int Margin = 4; // between gutter and text, and inside the gutter
    static constexpr int MarkerWidth = 3; // the bar marking the current change

    DiffDocumentPtr m_document;
    // A visual row: a diff row (>= 0) or a fold f (encoded as -f - 1).
    std::vector<int> m_visual;
    std::vector<bool> m_expanded; // per fold
    int m_cursor = 0;
    int m_currentChange = -1;
    DiffColors m_colors;
    LineHighlighter m_leftHighlighter;
    LineHighlighter m_rightHighlighter;
    int m_rowHeight = 1;
    int m_charWidth = 1;
};

} // namespace capstan::ui
