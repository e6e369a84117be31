#pragma once

#include "engine/enginetypes.h"

#include <QDialog>

namespace capstan::ui {

class SyncWindowCalendar;

// The week ahead of the sync windows that apply to one application (all of
// its project's windows when none is given).
class CalendarDialog final : public QDialog
{
    Q_OBJECT

public:
    CalendarDialog(const ProjectWindows &windows, const engine::AppState &app, const QDateTime &now,
                   QWidget *parent = nullptr);

    SyncWindowCalendar *calendar() const { return m_calendar; }

private:
    SyncWindowCalendar *m_calendar;
};

} // namespace capstan::ui
