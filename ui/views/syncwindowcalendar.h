#pragma once

#include "argo/sync_window.h"

#include <QDateTime>
#include <QWidget>

#include <vector>

namespace capstan::ui {

// The week ahead of a project's sync windows: one column per day, the hours
// down, each window opening drawn as an allow (green), deny (red) or
// manual-only (amber) block, and a line at the current time.
class SyncWindowCalendar final : public QWidget
{
    Q_OBJECT

public:
    explicit SyncWindowCalendar(QWidget *parent = nullptr);

    // Shows the seven days starting on now's day (in the local time zone).
    void setWindows(std::vector<argo::SyncWindow> windows, const QDateTime &now);
    const std::vector<argo::SyncWindowOccurrence> &occurrences() const { return m_occurrences; }
    QDateTime weekStart() const { return m_from; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QRectF dayArea(int day) const;
    QColor colorOf(const argo::SyncWindow &window) const;

    std::vector<argo::SyncWindow> m_windows;
    std::vector<argo::SyncWindowOccurrence> m_occurrences;
    QDateTime m_now;
    QDateTime m_from;
};

} // namespace capstan::ui
