#include "diff/diffarea.h"

#include "yamlview.h"

#include <KSyntaxHighlighting/Theme>

#include <QFontDatabase>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QScrollBar>
#include <QToolTip>

#include <algorithm>

namespace capstan::ui {

namespace {

constexpr int FoldContext = 3; // rows kept above a change moved to

int digits(int n)
{
    int d = 1;
    while (n >= 10) {
        n /= 10;
        ++d;
    }
    return d;
}

} // namespace

DiffArea::DiffArea(QWidget *parent)
    : QAbstractScrollArea(parent)
{
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setFocusPolicy(Qt::StrongFocus);
    viewport()->setFocusProxy(this);
    setAccessibleName(tr("Side-by-side diff"));
    setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    updateMetrics();
    applyPalette();
}

DiffArea::~DiffArea() = default;

void DiffArea::setDocument(DiffDocumentPtr document)
{
    m_document = std::move(document);
    m_leftHighlighter.setSide(m_document ? &m_document->left : nullptr);
    m_rightHighlighter.setSide(m_document ? &m_document->right : nullptr);
    m_expanded.assign(m_document ? m_document->folds.size() : 0, false);
    m_cursor = 0;
    m_currentChange = -1;
    rebuildVisualRows();
    verticalScrollBar()->setValue(0);
    horizontalScrollBar()->setValue(0);
    viewport()->update();
    Q_EMIT currentChangeChanged(-1);
}

void DiffArea::rebuildVisualRows()
{
    m_visual.clear();
    if (m_document) {
        const auto &folds = m_document->folds;
        m_visual.reserve(m_document->diff.rows.size());
        std::size_t f = 0;
        for (int row = 0; row < m_document->rowCount();) {
            if (f < folds.size() && folds[f].firstRow == row) {
                if (!m_expanded[f]) {
                    m_visual.push_back(-static_cast<int>(f) - 1);
                    row += folds[f].rowCount;
                    ++f;
                    continue;
                }
                ++f;
            }
            m_visual.push_back(row++);
        }
    }
    updateScrollBars();
}

int DiffArea::rowAt(int visualRow) const
{
    const int v = m_visual[static_cast<std::size_t>(visualRow)];
    return v >= 0 ? v : m_document->folds[static_cast<std::size_t>(-v - 1)].firstRow;
}

int DiffArea::foldAt(int visualRow) const
{
    if (visualRow < 0 || visualRow >= visualRowCount())
        return -1;
    const int v = m_visual[static_cast<std::size_t>(visualRow)];
    return v >= 0 ? -1 : -v - 1;
}

int DiffArea::visualRowOfRow(int row) const
{
    // Visual rows are in row order, so a binary search finds the one at or before `row`.
    int lo = 0;
    int hi = visualRowCount() - 1;
    int found = -1;
    while (lo <= hi) {
        const int mid = (lo + hi) / 2;
        if (rowAt(mid) <= row) {
            found = mid;
            lo = mid + 1;
        } else {
            hi = mid - 1;
        }
    }
    if (found < 0)
        return -1;
    return (rowAt(found) == row && foldAt(found) < 0) ? found : -1;
}

QRect DiffArea::visualRowRect(int visualRow) const
{
    return { 0, (visualRow - firstVisibleRow()) * m_rowHeight, viewport()->width(), m_rowHeight };
}

int DiffArea::visualRowAtY(int y) const
{
    if (y < 0)
        return -1;
    const int v = firstVisibleRow() + y / m_rowHeight;
    return v < visualRowCount() ? v : -1;
}

int DiffArea::firstVisibleRow() const
{
    return verticalScrollBar()->value();
}

int DiffArea::visibleRowCount() const
{
    return std::max(1, viewport()->height() / m_rowHeight);
}

void DiffArea::setCursorRow(int visualRow)
{
    if (visualRowCount() == 0)
        return;
    m_cursor = std::clamp(visualRow, 0, visualRowCount() - 1);
    ensureVisible(m_cursor, 0);
    viewport()->update();
}

bool DiffArea::isFoldExpanded(int fold) const
{
    return fold >= 0 && fold < static_cast<int>(m_expanded.size()) && m_expanded[static_cast<std::size_t>(fold)];
}

void DiffArea::expandFold(int fold)
{
    if (fold < 0 || fold >= static_cast<int>(m_expanded.size()) || m_expanded[static_cast<std::size_t>(fold)])
        return;
    const int cursorRowBefore = visualRowCount() ? rowAt(m_cursor) : 0;
    m_expanded[static_cast<std::size_t>(fold)] = true;
    rebuildVisualRows();
    m_cursor = std::max(0, visualRowOfRow(cursorRowBefore));
    viewport()->update();
}

QString DiffArea::themeName() const
{
    return m_leftHighlighter.theme().name();
}

void DiffArea::nextChange()
{
    if (!m_document || m_document->diff.changeStarts.empty())
        return;
    const auto &starts = m_document->diff.changeStarts;
    const int here = visualRowCount() ? rowAt(m_cursor) : 0;
    // Before any change was visited, a change on the cursor's own row counts as next.
    const auto it = m_currentChange < 0 ? std::lower_bound(starts.begin(), starts.end(), here)
                                        : std::upper_bound(starts.begin(), starts.end(), here);
    if (it != starts.end())
        moveToChange(static_cast<int>(it - starts.begin()));
}

void DiffArea::previousChange()
{
    if (!m_document || m_document->diff.changeStarts.empty())
        return;
    const auto &starts = m_document->diff.changeStarts;
    const int here = visualRowCount() ? rowAt(m_cursor) : 0;
    const auto it = std::lower_bound(starts.begin(), starts.end(), here);
    if (it != starts.begin())
        moveToChange(static_cast<int>(it - starts.begin()) - 1);
}

void DiffArea::moveToChange(int change)
{
    m_currentChange = change;
    // Changes are never folded away (folds hold only unchanged rows).
    m_cursor = std::max(0, visualRowOfRow(m_document->diff.changeStarts[static_cast<std::size_t>(change)]));
    ensureVisible(m_cursor, FoldContext);
    viewport()->update();
    Q_EMIT currentChangeChanged(change);
}

void DiffArea::ensureVisible(int visualRow, int context)
{
    QScrollBar *bar = verticalScrollBar();
    const int first = bar->value();
    const int visible = visibleRowCount();
    if (visualRow >= first && visualRow < first + visible && context == 0)
        return;
    if (context > 0) {
        // Put the row near the top with some unchanged rows above it, as a reader expects after a jump.
        bar->setValue(std::max(0, visualRow - std::min(context, visible / 3)));
    } else if (visualRow < first) {
        bar->setValue(visualRow);
    } else {
        bar->setValue(visualRow - visible + 1);
    }
}

void DiffArea::activateCursorRow()
{
    const int fold = foldAt(m_cursor);
    if (fold >= 0)
        expandFold(fold);
}

int DiffArea::halfWidth() const
{
    return viewport()->width() / 2;
}

int DiffArea::gutterWidth() const
{
    const int lines = m_document ? std::max(m_document->left.lineCount(), m_document->right.lineCount()) : 0;
    return MarkerWidth + (digits(lines) + 1) * m_charWidth + Margin;
}

void DiffArea::updateMetrics()
{
    const QFontMetrics metrics(font());
    m_rowHeight = std::max(1, metrics.height());
    m_charWidth = std::max(1, metrics.horizontalAdvance(QLatin1Char('0')));
}

void DiffArea::updateScrollBars()
{
    QScrollBar *v = verticalScrollBar();
    const int visible = visibleRowCount();
    v->setRange(0, std::max(0, visualRowCount() - visible));
    v->setPageStep(visible);
    v->setSingleStep(1);

    const int longest = m_document ? std::max(m_document->left.longestLine, m_document->right.longestLine) : 0;
    const int textWidth = halfWidth() - gutterWidth() - Margin;
    QScrollBar *h = horizontalScrollBar();
    h->setRange(0, std::max(0, (longest + 1) * m_charWidth - textWidth));
    h->setPageStep(std::max(1, textWidth));
    h->setSingleStep(m_charWidth * 2);
}

void DiffArea::applyPalette()
{
    m_colors = DiffColors::fromPalette(palette());
    const KSyntaxHighlighting::Theme theme = themeForPalette(palette());
    if (m_leftHighlighter.theme().name() != theme.name()) {
        m_leftHighlighter.setTheme(theme);
        m_rightHighlighter.setTheme(theme);
    }
    viewport()->update();
}

void DiffArea::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    updateScrollBars();
}

void DiffArea::changeEvent(QEvent *event)
{
    QAbstractScrollArea::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        applyPalette();
    } else if (event->type() == QEvent::FontChange) {
        updateMetrics();
        updateScrollBars();
        viewport()->update();
    }
}

void DiffArea::focusInEvent(QFocusEvent *event)
{
    QAbstractScrollArea::focusInEvent(event);
    viewport()->update();
}

void DiffArea::focusOutEvent(QFocusEvent *event)
{
    QAbstractScrollArea::focusOutEvent(event);
    viewport()->update();
}

void DiffArea::keyPressEvent(QKeyEvent *event)
{
    const int page = visibleRowCount();
    switch (event->key()) {
    case Qt::Key_Up:
        setCursorRow(m_cursor - 1);
        break;
    case Qt::Key_Down:
        setCursorRow(m_cursor + 1);
        break;
    case Qt::Key_PageUp:
        setCursorRow(m_cursor - page);
        break;
    case Qt::Key_PageDown:
        setCursorRow(m_cursor + page);
        break;
    case Qt::Key_Home:
        setCursorRow(0);
        break;
    case Qt::Key_End:
        setCursorRow(visualRowCount() - 1);
        break;
    case Qt::Key_Left:
        horizontalScrollBar()->triggerAction(QAbstractSlider::SliderSingleStepSub);
        break;
    case Qt::Key_Right:
        horizontalScrollBar()->triggerAction(QAbstractSlider::SliderSingleStepAdd);
        break;
    case Qt::Key_Return:
    case Qt::Key_Enter:
    case Qt::Key_Space:
        activateCursorRow();
        break;
    case Qt::Key_F7: // when no action holds the shortcut
        if (event->modifiers() & Qt::ShiftModifier)
            previousChange();
        else
            nextChange();
        break;
    default:
        QAbstractScrollArea::keyPressEvent(event);
        return;
    }
    event->accept();
}

bool DiffArea::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        const auto *help = static_cast<QHelpEvent *>(event);
        if (foldAt(visualRowAtY(help->pos().y())) >= 0)
            QToolTip::showText(help->globalPos(), tr("Click or press Enter to show these lines"), viewport());
        else
            QToolTip::hideText();
        return true;
    }
    return QAbstractScrollArea::viewportEvent(event);
}

void DiffArea::mousePressEvent(QMouseEvent *event)
{
    const int v = visualRowAtY(event->position().toPoint().y());
    if (v < 0 || event->button() != Qt::LeftButton) {
        QAbstractScrollArea::mousePressEvent(event);
        return;
    }
    setFocus(Qt::MouseFocusReason);
    m_cursor = v;
    activateCursorRow();
    viewport()->update();
}

} // namespace capstan::ui
