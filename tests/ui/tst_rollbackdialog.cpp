#include "demofixture.h"
#include "workerspy.h"
#include "dialogs/promotedialog.h"
#include "dialogs/rollbackdialog.h"
#include "dialogs/approvalgate.h"
#include "dialogs/historyrollbackpage.h"
#include "diff/resourcediffmodel.h"
#include "diff/resourcedifflist.h"
#include "git/repository.h"
#include "reconcile/history/history_store.h"

#include <QComboBox>
#include <QLineEdit>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>

using namespace capstan;
using namespace capstan::ui;

class TestRollbackDialog : public QObject
{
    Q_OBJECT

private:
    test::DemoEngine m_engine;

    QString headSubject()
    {
        auto repo = git::Repository::open(m_engine.repository());
        if (!repo)
            return {};
        auto head = repo->headCommit();
        return head ? head->summary : QString();
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_engine.start()); }

    void revertPreselectsTheSuggestedCommit()
    {
        RollbackDialog dialog(m_engine.client.get(), QStringLiteral("order-service-prod"));
        QCOMPARE(dialog.strategies()->currentIndex(), int(RollbackDialog::RevertStrategy));
        QSignalSpy previewed(&dialog, &RollbackDialog::previewShown);
        QVERIFY2(previewed.wait(60000), qPrintable(dialog.statusLabel()->text()));
        QVERIFY(dialog.commitCombo()->currentIndex() >= 0);
        QVERIFY2(dialog.statusLabel()->text().contains(QStringLiteral("revert: ")),
                 qPrintable(dialog.statusLabel()->text()));
        QVERIFY(!dialog.previewText()->toPlainText().isEmpty());
        QVERIFY(dialog.confirmButton()->isEnabled());
    }

    void historyRollbackOfProdIsGatedAndRecorded()
    {
        // Give prod a second entry: an approved sync of Git's newest release.
        engine::SyncCommand sync;
        sync.app = "order-service-prod";
        sync.initiatedBy = "ravi";
        sync.approvalNote = "CHG-2001 release";
        sync.approvers = {"ravi"};
        test::WorkerSpy finished(m_engine.client->worker(), &EngineWorker::operationFinished);
        m_engine.client->startSync(sync);
        QVERIFY(finished.wait(60000));

        RollbackDialog dialog(m_engine.client.get(), QStringLiteral("order-service-prod"));
        QSignalSpy previewed(&dialog, &RollbackDialog::previewShown);
        QVERIFY2(previewed.wait(60000), qPrintable(dialog.statusLabel()->text()));
        previewed.clear();
        dialog.strategies()->setCurrentIndex(RollbackDialog::HistoryStrategy);
        HistoryRollbackPage *page = dialog.historyPage();
        QTRY_VERIFY_WITH_TIMEOUT(page->diffList()->model()->rowCount() > 0, 60000);

        // The demo's release is preselected: the entry before the one that runs now.
        auto store = history::HistoryStore::open(m_engine.historyDatabase().toStdString());
        QVERIFY(store.ok());
        auto before = store->history("order-service-prod");
        QVERIFY(before.ok());
        QCOMPARE(before->total, 2);
        const qint64 demoRelease = before->entries.back().id();
        QCOMPARE(page->selectedEntry(), demoRelease);
        QVERIFY(page->diffList()->model()->index(0).data().toString().contains(QStringLiteral("Deployment")));
        QVERIFY2(page->driftLabel()->text().contains(QStringLiteral("OutOfSync")), qPrintable(page->driftLabel()->text()));

        // Production: refused until the name is typed and a note written.
        QVERIFY(page->gate() != nullptr);
        QVERIFY(!dialog.confirmButton()->isEnabled());
        QVERIFY2(dialog.statusLabel()->text().contains(QStringLiteral("name")), qPrintable(dialog.statusLabel()->text()));
        QTest::keyClicks(page->gate()->confirmEdit(), QStringLiteral("order-service-prod"));
        QVERIFY(!dialog.confirmButton()->isEnabled());
        QTest::keyClicks(page->gate()->noteEdit(), QStringLiteral("INC-77 roll back the release"));
        QVERIFY2(dialog.confirmButton()->isEnabled(), qPrintable(dialog.statusLabel()->text()));

        QSignalSpy rolledBack(&dialog, &RollbackDialog::rolledBack);
        QTest::mouseClick(dialog.confirmButton(), Qt::LeftButton);
        QVERIFY2(rolledBack.wait(60000), qPrintable(dialog.statusLabel()->text()));
        QVERIFY2(rolledBack.first().at(0).toBool(), qPrintable(rolledBack.first().at(1).toString()));
        QVERIFY(rolledBack.first().at(1).toString().contains(QStringLiteral("capstanctl app revert")));

        auto after = store->history("order-service-prod");
        QVERIFY(after.ok());
        QCOMPARE(after->total, 3);
        const history::Operation &newest = after->entries.front().operation;
        QCOMPARE(newest.kind, history::OperationKind::Rollback);
        QCOMPARE(newest.approvalNote, std::string("INC-77 roll back the release"));
        auto applied = store->historyEntry(newest.id);
        auto release = store->historyEntry(demoRelease);
        QVERIFY(applied.ok() && release.ok());
        QVERIFY(!release->operation.appliedManifests.empty());
        QCOMPARE(applied->operation.appliedManifests, release->operation.appliedManifests);
    }

    void historyRollbackOfAnAutomatedAppOffersThePolicy()
    {
        RollbackDialog dialog(m_engine.client.get(), QStringLiteral("order-service-dev"));
        dialog.strategies()->setCurrentIndex(RollbackDialog::HistoryStrategy);
        HistoryRollbackPage *page = dialog.historyPage();
        QVERIFY(page->policyCombo() != nullptr);
        QVERIFY(page->gate() == nullptr);
        // Its one entry is what runs now: nothing to roll back to.
        QTRY_VERIFY_WITH_TIMEOUT(page->entryCombo()->count() > 0, 60000);
        QCOMPARE(page->selectedEntry(), qint64(0));
        QVERIFY(!dialog.confirmButton()->isEnabled());
    }

    void imageRollbackCommits()
    {
        RollbackDialog dialog(m_engine.client.get(), QStringLiteral("order-service-prod"));
        QSignalSpy previewed(&dialog, &RollbackDialog::previewShown);
        QVERIFY2(previewed.wait(60000), qPrintable(dialog.statusLabel()->text()));
        previewed.clear();
        dialog.strategies()->setCurrentIndex(RollbackDialog::ImageStrategy);
        QTRY_VERIFY_WITH_TIMEOUT(!previewed.isEmpty(), 60000);
        const int index = dialog.imageCombo()->findData(QStringLiteral("order-service=v1.1.0"), Qt::UserRole + 1);
        QVERIFY2(index >= 0, qPrintable(dialog.imageCombo()->itemText(0)));
        if (dialog.imageCombo()->currentIndex() != index) {
            previewed.clear();
            dialog.imageCombo()->setCurrentIndex(index);
            QVERIFY(previewed.wait(60000));
        }
        QVERIFY(dialog.previewText()->toPlainText().contains(QStringLiteral("v1.1.0")));
        QVERIFY(dialog.confirmButton()->isEnabled());

        QSignalSpy committed(&dialog, &RollbackDialog::committed);
        QTest::mouseClick(dialog.confirmButton(), Qt::LeftButton);
        QVERIFY2(committed.wait(60000), qPrintable(dialog.statusLabel()->text()));
        QCOMPARE(committed.first().at(1).toString(), QStringLiteral("rollback: order-service to v1.1.0"));
        QCOMPARE(headSubject(), QStringLiteral("rollback: order-service to v1.1.0"));
    }

    void promoteDevToStagingCommits()
    {
        // The demo's dev and staging run the same image: give dev another one first.
        test::WorkerSpy changed(m_engine.client->worker(), &EngineWorker::gitChangeReady);
        m_engine.client->setImage(QStringLiteral("order-service-dev"), QStringLiteral("order-service=v1.3.0"), false);
        QVERIFY(changed.wait(60000));

        PromoteDialog dialog(m_engine.client.get(), QStringLiteral("order-service"), QStringLiteral("dev"));
        QCOMPARE(dialog.toCombo()->currentText(), QStringLiteral("staging")); // the next environment
        QSignalSpy previewed(&dialog, &PromoteDialog::previewShown);
        QVERIFY2(previewed.wait(60000), qPrintable(dialog.statusLabel()->text()));
        QVERIFY2(dialog.previewText()->toPlainText().contains(QStringLiteral("v1.3.0")),
                 qPrintable(dialog.previewText()->toPlainText()));
        if (dialog.noteRequired())
            QTest::keyClicks(dialog.noteEdit(), QStringLiteral("CHG-7 reviewed"));
        QVERIFY(dialog.confirmButton()->isEnabled());

        QSignalSpy committed(&dialog, &PromoteDialog::committed);
        QTest::mouseClick(dialog.confirmButton(), Qt::LeftButton);
        QVERIFY2(committed.wait(60000), qPrintable(dialog.statusLabel()->text()));
        const QString message = committed.first().at(1).toString();
        QVERIFY2(message.startsWith(QStringLiteral("promote: order-service")), qPrintable(message));
        QCOMPARE(headSubject(), message);
    }

    void prodPromotionNeedsANote()
    {
        PromoteDialog dialog(m_engine.client.get(), QStringLiteral("order-service"), QStringLiteral("staging"));
        QCOMPARE(dialog.toCombo()->currentText(), QStringLiteral("prod"));
        QVERIFY(dialog.noteRequired());
        QSignalSpy previewed(&dialog, &PromoteDialog::previewShown);
        QSignalSpy refused(&dialog, &PromoteDialog::refused);
        QVERIFY(previewed.wait(60000) || !refused.isEmpty());
        QVERIFY(!dialog.confirmButton()->isEnabled()); // no note yet
        if (!previewed.isEmpty()) {
            QTest::keyClicks(dialog.noteEdit(), QStringLiteral("CHG-8 approved"));
            QVERIFY(dialog.confirmButton()->isEnabled());
        }
    }

    void revertCommitsTheSuggestedCommit()
    {
        // Last: it undoes the newest change to prod (the image rollback above).
        RollbackDialog dialog(m_engine.client.get(), QStringLiteral("order-service-prod"));
        QSignalSpy previewed(&dialog, &RollbackDialog::previewShown);
        QVERIFY2(previewed.wait(60000), qPrintable(dialog.statusLabel()->text()));
        QCOMPARE(dialog.strategies()->currentIndex(), int(RollbackDialog::RevertStrategy));
        const QString suggested = dialog.commitCombo()->currentText();
        QVERIFY2(suggested.contains(QStringLiteral("rollback: order-service to v1.1.0")), qPrintable(suggested));
        QVERIFY(dialog.previewText()->toPlainText().contains(QStringLiteral("v1.2.1"))); // what prod gets back

        QSignalSpy committed(&dialog, &RollbackDialog::committed);
        QTest::mouseClick(dialog.confirmButton(), Qt::LeftButton);
        QVERIFY2(committed.wait(60000), qPrintable(dialog.statusLabel()->text()));
        QCOMPARE(headSubject(), QStringLiteral("revert: rollback: order-service to v1.1.0"));
        QVERIFY(committed.first().at(1).toString().startsWith(headSubject()));
    }
};

QTEST_MAIN(TestRollbackDialog)
#include "tst_rollbackdialog.moc"
