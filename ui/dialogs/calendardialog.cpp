#include "dialogs/calendardialog.h"

#include "models/statusstyle.h"
#include "views/syncwindowcalendar.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QVBoxLayout>

namespace capstan::ui {

CalendarDialog::CalendarDialog(const ProjectWindows &windows, const engine::AppState &app, const QDateTime &now,
                               QWidget *parent)
    : QDialog(parent)
    , m_calendar(new SyncWindowCalendar(this))
{
    setWindowTitle(tr("Sync Windows — %1").arg(qs(app.name)));
    std::vector<argo::SyncWindow> applying;
    if (const auto project = windows.byProject.find(app.project); project != windows.byProject.end()) {
        const argo::SyncTarget target{app.name, app.destinationNamespace, app.destinationServer, {}};
        for (const argo::SyncWindow &window : project->second)
            if (argo::windowApplies(window, target))
                applying.push_back(window);
    }
    auto *label = new QLabel(applying.empty()
                                 ? tr("No sync window of project %1 applies to %2: it may sync at any time.")
                                       .arg(qs(app.project), qs(app.name))
                                 : tr("The week ahead for %1 (project %2): %3.")
                                       .arg(qs(app.name), qs(app.project), qs(app.windowDescription)),
                             this);
    label->setWordWrap(true);
    m_calendar->setWindows(std::move(applying), now);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(label);
    layout->addWidget(m_calendar, 1);
    layout->addWidget(buttons);
}

} // namespace capstan::ui
