#pragma once

#include "common/result.h"

#include <QDateTime>
#include <QMap>
#include <QString>
#include <QStringList>

namespace capstan::demo {

// What was created, and what a sandbox cluster needs to know to play it.
struct DemoRepository
{
    QString path;
    // Image references ("repo:tag") that exist in the demo's registry.
    QStringList knownImages;
    // Images that start and then crash (the bad release).
    QStringList brokenImages;
    // The commit production runs: the one before the newest release, which waits for approval.
    QString prodRevision;
    // The newest commit of main.
    QString headRevision;
};

// Creates the demo GitOps repository at dir (which must not exist or be empty)
// with two weeks of history ending shortly before now: CI image bumps in dev,
// promotions to staging, releases to prod, a bad release and its revert, and a
// last release that production has not synced yet.
Result<DemoRepository> createDemoRepository(const QString &dir, const QDateTime &now = QDateTime::currentDateTimeUtc());

} // namespace capstan::demo
