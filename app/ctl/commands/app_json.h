#pragma once

#include "reconcile/engine/app_state.h"
#include "reconcile/history/history_types.h"

#include <QJsonObject>
#include <QStringList>

namespace capstan::ctl {

// The structured form of what `app list`/`app get` print, for -o json|yaml.
QJsonObject toJson(const engine::AppState &app);
QJsonObject toJson(const argo::Condition &condition);
QJsonObject toJson(const history::HistoryEntry &entry);

// Words a person reads in tables.
QString syncPolicyText(const engine::AppState &app);
QString healthText(const engine::AppState &app);
QString healthText(const std::optional<health::Health> &health);
QString approvalText(const engine::AppState &app);

// The columns every application list starts with (`app list`, `argocd app list`):
// name, project, sync, health and sync policy.
QStringList appListHeaders();
QStringList appListRow(const engine::AppState &app);

} // namespace capstan::ctl
