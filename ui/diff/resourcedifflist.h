#pragma once

#include "diff/resourcediffs.h"
#include "manifest/object.h"

#include <QWidget>

class QListView;
template<typename T> class QFutureWatcher;

namespace capstan::ui {

class DiffView;
class ResourceDiffModel;

// The changed resources on one side, with status and counts, and the
// side-by-side diff of the one selected.
class ResourceDiffList final : public QWidget
{
    Q_OBJECT

public:
    explicit ResourceDiffList(QWidget *parent = nullptr);
    ~ResourceDiffList() override;

    // Shows finished diffs and selects the first.
    void setDiffs(std::vector<ResourceDiff> diffs);
    // Builds the diffs of a comparison (live against desired) off the GUI
    // thread, then shows them; emits diffsShown.
    void showComparison(const compare::CompareResult &result);
    // Builds the diffs of two renders (two revisions or history entries) off
    // the GUI thread, then shows them; emits diffsShown.
    void showRevisions(const QString &leftLabel, std::vector<manifest::Object> left, const QString &rightLabel,
        std::vector<manifest::Object> right);

    // Builds the diffs of resource texts (left against right) off the GUI
    // thread, then shows them; emits diffsShown.
    void showTexts(std::vector<ResourceTexts> texts, const QString &leftLabel, const QString &rightLabel);

    ResourceDiffModel *model() const { return m_model; }
    QListView *listView() const { return m_list; }
    DiffView *diffView() const { return m_diffView; }

Q_SIGNALS:
    void diffsShown();

private:
    void showRow(int row);

    ResourceDiffModel *m_model;
    QListView *m_list;
    DiffView *m_diffView;
    QFutureWatcher<std::vector<ResourceDiff>> *m_watcher;
};

} // namespace capstan::ui
