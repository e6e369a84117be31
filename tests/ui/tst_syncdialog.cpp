#include "demofixture.h"
#include "workerspy.h"
#include "dialogs/approvalgate.h"
#include "dialogs/calendardialog.h"
#include "dialogs/syncdialog.h"
#include "models/operationmodel.h"
#include "reconcile/history/history_store.h"
#include "diff/resourcediffmodel.h"
#include "diff/resourcedifflist.h"
#include "models/gitlogmodel.h"
#include "models/historymodel.h"
#include "views/historyview.h"
#include "views/syncwindowcalendar.h"

#include <QItemSelectionModel>
#include <QAbstractItemModelTester>
#include <QTabWidget>
#include <QTableView>

#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>

using namespace capstan;
using namespace capstan::ui;

class TestSyncDialog : public QObject
{
    Q_OBJECT

private:
    test::DemoEngine m_engine;

    const engine::AppState &app(const char *name) { return *m_engine.client->snapshot()->app(name); }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_engine.start()); }

    void automatedAppsNeedNoGate()
    {
        SyncDialog dialog(m_engine.client.get(), app("order-service-dev"));
        QVERIFY(!dialog.isGated());
        QVERIFY(dialog.gate() == nullptr);
        QVERIFY(dialog.syncButton()->isEnabled());
    }

    void aDenyWindowDisablesSync()
    {
        QVERIFY(m_engine.refreshAt(test::kFridayEvening));
        SyncDialog dialog(m_engine.client.get(), app("order-service-prod"));
        QTest::keyClicks(dialog.gate()->confirmEdit(), QStringLiteral("order-service-prod"));
        QTest::keyClicks(dialog.gate()->noteEdit(), QStringLiteral("CHG-1042"));
        QVERIFY(!dialog.syncButton()->isEnabled());
        QVERIFY2(dialog.windowLabel()->text().contains(QStringLiteral("denied until Mon")),
                 qPrintable(dialog.windowLabel()->text()));
        QVERIFY(dialog.blockedReason().contains(QStringLiteral("denied until")));

        // The engine refuses too, and the console shows its words.
        test::WorkerSpy refused(m_engine.client->worker(), &EngineWorker::syncRefused);
        m_engine.client->startSync(dialog.command());
        QVERIFY(refused.wait(60000));
        QVERIFY2(refused.first().at(1).toString().contains(QStringLiteral("sync window")),
                 qPrintable(refused.first().at(1).toString()));
        QVERIFY(m_engine.refreshAt(test::kWednesday));
    }

    void calendarShowsTheWeekAhead()
    {
        CalendarDialog dialog(*m_engine.client->windows(), app("order-service-prod"), test::kWednesday);
        const auto &occurrences = dialog.calendar()->occurrences();
        QCOMPARE(occurrences.size(), std::size_t(1));
        // Friday 16:00 in Berlin is 15:00 UTC.
        QCOMPARE(occurrences.front().start.toUTC(), QDateTime(QDate(2026, 11, 27), QTime(15, 0), Qt::UTC));
        CalendarDialog dev(*m_engine.client->windows(), app("order-service-dev"), test::kWednesday);
        QVERIFY(dev.calendar()->occurrences().empty());
    }

    void prodSyncNeedsTheTypedNameAndANote()
    {
        SyncDialog dialog(m_engine.client.get(), app("order-service-prod"));
        dialog.show();
        QVERIFY(dialog.isGated());
        QVERIFY(!dialog.syncButton()->isEnabled());
        QTest::keyClicks(dialog.gate()->confirmEdit(), QStringLiteral("order-service-pro"));
        QTest::keyClicks(dialog.gate()->noteEdit(), QStringLiteral("CHG-1042 approved in the change review"));
        QVERIFY(!dialog.syncButton()->isEnabled()); // the name is not complete
        QTest::keyClick(dialog.gate()->confirmEdit(), Qt::Key_D);
        QVERIFY2(dialog.syncButton()->isEnabled(), qPrintable(dialog.blockedReason()));
        dialog.gate()->noteEdit()->clear();
        QVERIFY(!dialog.syncButton()->isEnabled()); // no note
        QTest::keyClicks(dialog.gate()->noteEdit(), QStringLiteral("CHG-1042 approved in the change review"));
        dialog.gate()->approverEdit()->clear();
        QTest::keyClicks(dialog.gate()->approverEdit(), QStringLiteral("ravi"));
        QVERIFY(dialog.syncButton()->isEnabled());

        QSignalSpy finished(&dialog, &SyncDialog::operationFinished);
        QTest::mouseClick(dialog.syncButton(), Qt::LeftButton);
        QVERIFY(finished.wait(60000));
        const auto state = finished.first().first().value<sync::OperationState>();
        QCOMPARE(std::string(sync::toString(state.phase)), std::string("Succeeded"));
        QVERIFY(dialog.operationModel()->rowCount() > 0);

        auto store = history::HistoryStore::open(m_engine.historyDatabase().toStdString());
        QVERIFY(store.ok());
        auto entries = store->history("order-service-prod");
        QVERIFY(entries.ok());
        QCOMPARE(entries->total, 2);
        QCOMPARE(entries->entries.front().operation.approvalNote,
                 std::string("CHG-1042 approved in the change review"));
        QCOMPARE(entries->entries.front().operation.initiatedBy, std::string("ravi"));
    }

    void historyDiffsTwoEntriesAndMarksBad()
    {
        HistoryView view(m_engine.client.get());
        QSignalSpy shown(&view, &HistoryView::historyShown);
        view.setApp(QStringLiteral("order-service-prod"));
        QVERIFY(shown.wait(60000));
        QCOMPARE(view.model()->rowCount(), 2); // the demo's release and the approved sync above
        QVERIFY(!view.diffButton()->isEnabled());
        view.table()->selectAll();
        QVERIFY(view.diffButton()->isEnabled());
        QSignalSpy diffed(&view, &HistoryView::diffShown);
        QTest::mouseClick(view.diffButton(), Qt::LeftButton);
        QVERIFY(diffed.wait(60000));
        // The two releases differ in the Deployment's image.
        QVERIFY(view.diffList()->model()->rowCount() >= 1);
        QVERIFY(view.diffList()->model()->index(0).data().toString().contains(QStringLiteral("Deployment")));

        QSignalSpy reloaded(&view, &HistoryView::historyShown);
        m_engine.client->markEntryBad(QStringLiteral("order-service-prod"),
                                      view.model()->entryAt(0)->id(), QStringLiteral("crashes on start"));
        QVERIFY(reloaded.wait(60000));
        QVERIFY(view.model()->entryAt(0)->badMark.has_value());
        QCOMPARE(view.model()->index(0, HistoryModel::BadColumn).data().toString(), QStringLiteral("bad"));
    }

    void gitLogListsWhatChangedTheAppAndDiffsTwoCommits()
    {
        HistoryView view(m_engine.client.get());
        QAbstractItemModelTester tester(view.gitLogModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy shown(&view, &HistoryView::gitLogShown);
        view.setApp(QStringLiteral("order-service-prod"));
        QVERIFY(shown.wait(60000));
        GitLogModel *log = view.gitLogModel();
        // Every production release of order-service changed the prod overlay; the
        // other services' releases did not and are not listed.
        QStringList subjects;
        for (int row = 0; row < log->rowCount(); ++row)
            subjects << log->index(row, GitLogModel::SubjectColumn).data().toString();
        QVERIFY2(subjects.filter(QStringLiteral("order-service v1.2.1 to production")).size() == 1,
                 qPrintable(subjects.join(QLatin1Char('\n'))));
        QVERIFY2(subjects.filter(QStringLiteral("payment")).isEmpty(), qPrintable(subjects.join(QLatin1Char('\n'))));
        QVERIFY(log->rowCount() >= 2);

        view.sources()->setCurrentIndex(HistoryView::GitLogSource);
        QVERIFY(!view.diffButton()->isEnabled());
        auto *selection = view.gitLogTable()->selectionModel();
        selection->select(log->index(0, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
        selection->select(log->index(1, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
        QVERIFY(view.diffButton()->isEnabled());
        QSignalSpy diffed(&view, &HistoryView::diffShown);
        QTest::mouseClick(view.diffButton(), Qt::LeftButton);
        QVERIFY(diffed.wait(60000));
        QVERIFY(view.diffList()->model()->rowCount() >= 1);
    }
};

QTEST_MAIN(TestSyncDialog)
#include "tst_syncdialog.moc"
