#pragma once

#include "engine/enginetypes.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QTreeView;

namespace capstan::ui {

class AppTreeModel;
class AppFilterProxyModel;

// The left pane: the app-of-apps tree with a filter and counts per status.
class AppTreePanel final : public QWidget
{
    Q_OBJECT

public:
    explicit AppTreePanel(QWidget *parent = nullptr);

    void setSnapshot(SnapshotPtr snapshot);
    void selectApp(const QString &app);
    QString selectedApp() const;
    void focusFilter();

    AppTreeModel *model() const { return m_model; }
    AppFilterProxyModel *proxy() const { return m_proxy; }
    QTreeView *view() const { return m_view; }
    QLineEdit *filter() const { return m_filter; }
    QLabel *counts() const { return m_counts; }

Q_SIGNALS:
    void appSelected(const QString &app);

private:
    void updateCounts();

    AppTreeModel *m_model;
    AppFilterProxyModel *m_proxy;
    QLineEdit *m_filter;
    QLabel *m_counts;
    QTreeView *m_view;
};

} // namespace capstan::ui
