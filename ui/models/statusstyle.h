#pragma once

#include "argo/sync_window.h"
#include "reconcile/compare/compare.h"
#include "reconcile/health/health.h"

#include <QColor>
#include <QIcon>
#include <QString>

#include <string>
#include <string_view>

class QPalette;

namespace capstan::ui {

// Argo CD's words and colours for statuses, shared by every model and view so
// a status looks the same wherever it appears.

QString qs(const std::string &text);
QString qs(std::string_view text);
QString qs(const char *text);

QString syncText(compare::SyncStatus status);
QString resourceStatusText(compare::ResourceStatus status);
QString healthText(health::HealthStatus status);
QString windowText(argo::SyncWindowState state);

// Colours are tuned to stay readable on the palette's base colour (light or dark).
QColor syncColor(compare::SyncStatus status, const QPalette &palette);
QColor resourceStatusColor(compare::ResourceStatus status, const QPalette &palette);
QColor healthColor(health::HealthStatus status, const QPalette &palette);
QColor windowColor(argo::SyncWindowState state, const QPalette &palette);

// Small round icons (a heart for Healthy), drawn at any device pixel ratio.
QIcon syncIcon(compare::SyncStatus status, const QPalette &palette);
QIcon healthIcon(health::HealthStatus status, const QPalette &palette);

bool isDark(const QPalette &palette);

} // namespace capstan::ui
