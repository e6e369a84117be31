#pragma once

#include "diff/diffdocument.h"

#include <QWidget>

class QAction;
class QLabel;
template<typename T> class QFutureWatcher;

namespace capstan::ui {

class DiffArea;

// The side-by-side diff with its header: the two sides' names, the counts
// ("+N −M ~K") and next/previous change (F7 / Shift+F7). It only presents a
// finished DiffDocument; showDiff() builds one off the GUI thread first.
class DiffView final : public QWidget
{
    Q_OBJECT

public:
    explicit DiffView(QWidget *parent = nullptr);
    ~DiffView() override;

    // Shows a finished document (null clears the view).
    void setDocument(DiffDocumentPtr document);
    const DiffDocumentPtr &document() const;
    // Diffs the texts on a worker thread and shows the result; a newer call
    // wins over an older one still running. Emits documentShown when shown.
    void showDiff(const QString &leftLabel, const QByteArray &left, const QString &rightLabel, const QByteArray &right);

    DiffArea *area() const { return m_area; }
    QAction *nextChangeAction() const { return m_next; }
    QAction *previousChangeAction() const { return m_previous; }
    // "+3 −1 ~2", or "No differences".
    QString countsText() const;

Q_SIGNALS:
    void documentShown();

private:
    void updateHeader();

    DiffArea *m_area;
    QLabel *m_leftLabel;
    QLabel *m_rightLabel;
    QLabel *m_counts;
    QAction *m_previous;
    QAction *m_next;
    QFutureWatcher<DiffDocumentPtr> *m_watcher;
};

} // namespace capstan::ui
