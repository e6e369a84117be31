#include "diff/diffview.h"

#include "diff/diffarea.h"

#include <QAction>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QLabel>
#include <QToolBar>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace capstan::ui {

DiffView::DiffView(QWidget *parent)
    : QWidget(parent)
    , m_area(new DiffArea(this))
    , m_leftLabel(new QLabel(this))
    , m_rightLabel(new QLabel(this))
    , m_counts(new QLabel(this))
    , m_previous(new QAction(QIcon::fromTheme(QStringLiteral("go-up")), tr("Previous Change"), this))
    , m_next(new QAction(QIcon::fromTheme(QStringLiteral("go-down")), tr("Next Change"), this))
    , m_watcher(new QFutureWatcher<DiffDocumentPtr>(this))
{
    setAccessibleName(tr("Diff"));
    m_previous->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F7));
    m_next->setShortcut(QKeySequence(Qt::Key_F7));
    for (QAction *action : { m_previous, m_next }) {
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        action->setToolTip(
            QStringLiteral("%1 (%2)").arg(action->text(), action->shortcut().toString(QKeySequence::NativeText)));
        addAction(action);
    }
    connect(m_previous, &QAction::triggered, m_area, &DiffArea::previousChange);
    connect(m_next, &QAction::triggered, m_area, &DiffArea::nextChange);

    auto *toolBar = new QToolBar(this);
    toolBar->setAccessibleName(tr("Diff tools"));
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolBar->addAction(m_previous);
    toolBar->addAction(m_next);
    m_counts->setAccessibleName(tr("Changed lines"));
    m_counts->setTextFormat(Qt::PlainText);
    m_counts->setContentsMargins(8, 0, 8, 0);
    toolBar->addWidget(m_counts);

    for (QLabel *label : { m_leftLabel, m_rightLabel }) {
        label->setTextFormat(Qt::PlainText);
        label->setContentsMargins(4, 2, 4, 2);
        QFont bold = label->font();
        bold.setBold(true);
        label->setFont(bold);
    }
    m_leftLabel->setAccessibleName(tr("Left side"));
    m_rightLabel->setAccessibleName(tr("Right side"));
    auto *sides = new QHBoxLayout;
    sides->setContentsMargins(0, 0, 0, 0);
    sides->addWidget(m_leftLabel, 1);
    sides->addWidget(m_rightLabel, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(toolBar);
    layout->addLayout(sides);
    layout->addWidget(m_area, 1);
    setFocusProxy(m_area);

    connect(m_watcher, &QFutureWatcher<DiffDocumentPtr>::finished, this, [this] {
        // A cancelled or superseded run has no result to show.
        if (m_watcher->isCanceled() || m_watcher->future().resultCount() == 0)
            return;
        setDocument(m_watcher->result());
        Q_EMIT documentShown();
    });
    connect(m_area, &DiffArea::currentChangeChanged, this, &DiffView::updateHeader);
    updateHeader();
}

DiffView::~DiffView()
{
    m_watcher->waitForFinished();
}

void DiffView::setDocument(DiffDocumentPtr document)
{
    m_area->setDocument(std::move(document));
    updateHeader();
}

const DiffDocumentPtr &DiffView::document() const
{
    return m_area->document();
}

void DiffView::showDiff(
    const QString &leftLabel, const QByteArray &left, const QString &rightLabel, const QByteArray &right)
{
    // Setting a new future detaches the watcher from the old one, whose result is then never shown.
    m_watcher->setFuture(QtConcurrent::run(&buildDiffDocument, leftLabel, left, rightLabel, right));
}

QString DiffView::countsText() const
{
    const DiffDocumentPtr &document = m_area->document();
    if (!document)
        return {};
    if (document->diff.identical())
        return tr("No differences");
    return tr("+%1 −%2 ~%3")
        .arg(document->diff.addedLines)
        .arg(document->diff.removedLines)
        .arg(document->diff.changedLines);
}

void DiffView::updateHeader()
{
    const DiffDocumentPtr &document = m_area->document();
    m_leftLabel->setText(document ? document->left.label : QString());
    m_rightLabel->setText(document ? document->right.label : QString());
    m_counts->setText(countsText());
    if (document && !document->diff.identical()) {
        m_counts->setToolTip(tr("Lines added: %1, removed: %2, changed: %3")
                                 .arg(document->diff.addedLines)
                                 .arg(document->diff.removedLines)
                                 .arg(document->diff.changedLines));
    } else {
        m_counts->setToolTip(QString());
    }
    const int changes = document ? static_cast<int>(document->diff.changeStarts.size()) : 0;
    const int current = m_area->currentChange();
    m_previous->setEnabled(changes > 0);
    m_next->setEnabled(changes > 0);
    m_area->setAccessibleDescription(changes == 0 ? QString()
            : current < 0                         ? tr("Changes: %1").arg(changes)
                                                  : tr("Change %1 of %2").arg(current + 1).arg(changes));
}

} // namespace capstan::ui
