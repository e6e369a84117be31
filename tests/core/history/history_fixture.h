#pragma once

// Shared by the history store tests: a store in a fresh temporary file, and
// the operations and manifests the tests record.

#include "reconcile/history/history_store.h"

#include <QTemporaryDir>
#include <QtTest>

namespace historytest {

using namespace capstan::history;

inline QDateTime at(int day, int hour = 12, int minute = 0)
{
    return QDateTime(QDate(2026, 11, day), QTime(hour, minute), Qt::UTC);
}

inline OperationStart syncStart(const std::string &app, const std::string &revision, QDateTime startedAt = {},
    OperationKind kind = OperationKind::Sync)
{
    OperationStart start;
    start.app = app;
    start.kind = kind;
    start.revision = revision;
    start.sourcePath = "apps/" + app + "/overlays/prod";
    start.initiatedBy = "alice";
    start.startedAt = startedAt;
    return start;
}

inline std::string deployment(const std::string &name, const std::string &image)
{
    return "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: " + name
        + "\nspec:\n  template:\n    spec:\n      containers:\n      - name: app\n        image: " + image + "\n";
}

// Fails the calling test (and returns false) when a result is an error.
#define HISTORY_VERIFY_OK(expr)                                                                                        \
    do {                                                                                                               \
        const auto &historyResult_ = (expr);                                                                           \
        QVERIFY2(historyResult_.ok(), historyResult_.ok() ? "" : historyResult_.error().toString().c_str());           \
    } while (false)

// A store on a new file in `dir`.
inline HistoryStore openStore(const QTemporaryDir &dir, const QString &name = QStringLiteral("history.db"))
{
    auto store = HistoryStore::open(dir.filePath(name).toStdString());
    if (!store)
        qFatal("cannot open the test store: %s", store.error().toString().c_str());
    return std::move(*store);
}

// Begins and finishes one operation; returns its id (0 after a failure, which is reported).
inline std::int64_t recordSync(HistoryStore &store, const OperationStart &start, const QDateTime &finishedAt,
    const std::string &manifests = {}, OperationPhase phase = OperationPhase::Succeeded)
{
    auto id = store.beginOperation(start);
    if (!id) {
        qWarning("begin failed: %s", id.error().toString().c_str());
        return 0;
    }
    OperationFinish finish;
    finish.phase = phase;
    finish.finishedAt = finishedAt;
    finish.appliedManifests = manifests;
    if (auto r = store.finishOperation(*id, finish); !r) {
        qWarning("finish failed: %s", r.error().toString().c_str());
        return 0;
    }
    return *id;
}

} // namespace historytest
