#pragma once

// A console engine on a fresh demo workspace with a fixed clock, shared by the
// console's tests.

#include "engine/engineclient.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace capstan::test {

// A Wednesday: the prod deny window (Fri 16:00 – Mon 06:00 Berlin) is closed.
inline const QDateTime kWednesday(QDate(2026, 11, 25), QTime(10, 0), Qt::UTC);
// Friday evening: the deny window is in force.
inline const QDateTime kFridayEvening(QDate(2026, 11, 27), QTime(18, 0), Qt::UTC);

struct DemoEngine
{
    QTemporaryDir dir;
    std::shared_ptr<QDateTime> now = std::make_shared<QDateTime>(kWednesday);
    std::unique_ptr<ui::EngineClient> client;

    QString repository() const { return dir.filePath(QStringLiteral("demo")); }
    QString historyDatabase() const { return repository() + QStringLiteral("/.git/capstan/history.db"); }

    // Creates the demo in the worker and waits for the first snapshot.
    bool start()
    {
        ui::EngineSettings settings;
        settings.clock = engine::ClockMode::Simulated;
        settings.now = [now = now] { return *now; };
        settings.pollIntervalMs = 24 * 3600 * 1000;
        client = std::make_unique<ui::EngineClient>(settings);
        QSignalSpy snapshots(client.get(), &ui::EngineClient::snapshotChanged);
        client->openDemo(repository());
        return snapshots.wait(120000) && client->snapshot() != nullptr;
    }

    // Refreshes at `at` and waits for the snapshot.
    bool refreshAt(const QDateTime &at)
    {
        *now = at;
        QSignalSpy snapshots(client.get(), &ui::EngineClient::snapshotChanged);
        client->refresh();
        return snapshots.wait(60000);
    }
};

} // namespace capstan::test
