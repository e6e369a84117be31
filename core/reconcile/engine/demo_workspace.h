#pragma once

#include "common/result.h"
#include "demo/demo_repository.h"

#include <QDateTime>
#include <QString>

namespace capstan::engine {

// Creates the demo workspace in dir: the demo GitOps repository, and its
// sandbox cluster with dev and staging synced to main and healthy, production
// one release behind and out of sync, waiting for a person. The registry knows
// every image the history used and the bad release's image crashes.
Result<demo::DemoRepository> initDemoWorkspace(const QString &dir,
                                               const QDateTime &now = QDateTime::currentDateTimeUtc());

} // namespace capstan::engine
