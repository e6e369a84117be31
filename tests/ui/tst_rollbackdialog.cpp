#include "demofixture.h"
#include "dialogs/promotedialog.h"
#include "dialogs/rollbackdialog.h"
#include "git/repository.h"

#include <QComboBox>
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
        QSignalSpy changed(m_engine.client->worker(), &EngineWorker::gitChangeReady);
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
};

QTEST_MAIN(TestRollbackDialog)
#include "tst_rollbackdialog.moc"
