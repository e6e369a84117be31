#pragma once

#include "engine/enginetypes.h"

#include <QStyledItemDelegate>
#include <QTableView>

namespace capstan::ui {

class EnvironmentMatrixModel;

// Paints a matrix cell compactly: sync and health, image tag @ revision, window state.
class MatrixCellDelegate final : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    // Every cell's size in a font: three lines of status, tag and window.
    static QSize cellSize(const QFont &font);
};

// The environment matrix: services down, environments across.
class MatrixView final : public QTableView
{
    Q_OBJECT

public:
    explicit MatrixView(QWidget *parent = nullptr);

    void setSnapshot(SnapshotPtr snapshot);
    void selectApp(const QString &app);
    EnvironmentMatrixModel *matrixModel() const { return m_model; }

Q_SIGNALS:
    void appSelected(const QString &app);

protected:
    // With no application placed, says how one gets a place.
    void paintEvent(QPaintEvent *event) override;

private:
    EnvironmentMatrixModel *m_model;
};

} // namespace capstan::ui
