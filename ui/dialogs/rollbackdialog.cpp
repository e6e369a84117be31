#include "dialogs/rollbackdialog.h"

#include "dialogs/confirmarea.h"
#include "dialogs/historyrollbackpage.h"
#include "engine/engineclient.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QVBoxLayout>

namespace capstan::ui {

namespace {

const QString kAction = QStringLiteral("rollback");
constexpr int kArgumentRole = Qt::UserRole + 1;
constexpr int kBadRole = Qt::UserRole + 2;

} // namespace

RollbackDialog::RollbackDialog(EngineClient *engine, const QString &app, QWidget *parent)
    : QDialog(parent)
    , m_engine(engine)
    , m_app(app)
    , m_strategies(new QTabWidget(this))
    , m_commits(new QComboBox(this))
    , m_images(new QComboBox(this))
    , m_history(new HistoryRollbackPage(engine, app, this))
    , m_preview(new QPlainTextEdit(this))
    , m_status(new QLabel(this))
    , m_confirm(new QPushButton(tr("Confirm rollback"), this))
{
    setWindowTitle(tr("Roll back %1").arg(app));
    m_images->setAccessibleName(tr("Image to roll back to"));
    m_commits->setAccessibleName(tr("Commit to revert"));
    m_strategies->setAccessibleName(tr("Rollback strategy"));

    auto *revertPage = new QWidget(m_strategies);
    auto *revertForm = new QFormLayout(revertPage);
    revertForm->addRow(new QLabel(tr("Reverts one commit; the commit reads \"revert: …\"."), revertPage));
    revertForm->addRow(tr("Revert:"), m_commits);
    auto *imagePage = new QWidget(m_strategies);
    auto *imageForm = new QFormLayout(imagePage);
    imageForm->addRow(new QLabel(tr("Overrides the image in Git; the commit reads \"rollback: …\"."), imagePage));
    imageForm->addRow(tr("Set image:"), m_images);
    m_strategies->insertTab(RevertStrategy, revertPage, tr("&Git revert"));
    m_strategies->insertTab(HistoryStrategy, m_history, tr("&History rollback"));
    m_strategies->insertTab(ImageStrategy, imagePage, tr("&Image override"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_strategies, 2);
    addConfirmArea(this, layout, m_preview, m_status, m_confirm, tr("Rollback preview"), tr("Rollback status"));
    connect(m_confirm, &QPushButton::clicked, this, &RollbackDialog::confirm);
    connect(m_images, &QComboBox::currentIndexChanged, this, &RollbackDialog::requestPreview);
    connect(m_commits, &QComboBox::currentIndexChanged, this, &RollbackDialog::requestPreview);
    connect(m_strategies, &QTabWidget::currentChanged, this, &RollbackDialog::strategyChanged);
    connect(m_history, &HistoryRollbackPage::stateChanged, this, &RollbackDialog::updateHistoryState);
    connect(m_history, &HistoryRollbackPage::previewShown, this, [this] {
        if (m_strategies->currentIndex() == HistoryStrategy)
            Q_EMIT previewShown();
    });
    connect(m_history, &HistoryRollbackPage::finished, this, &RollbackDialog::showHistoryResult);
    EngineWorker *worker = engine->worker();
    connect(worker, &EngineWorker::imageHistoryReady, this, &RollbackDialog::showImages);
    connect(worker, &EngineWorker::revertCandidatesReady, this, &RollbackDialog::showCommits);
    connect(worker, &EngineWorker::gitChangeReady, this, &RollbackDialog::showResult);
    connect(worker, &EngineWorker::gitChangeRefused, this, &RollbackDialog::showRefusal);

    resize(1000, 800);
    m_status->setText(tr("Loading the commits and images of %1…").arg(app));
    engine->loadRevertCandidates(app);
    engine->loadImageHistory(app);
}

RollbackDialog::~RollbackDialog() = default;

void RollbackDialog::strategyChanged()
{
    // The history page shows its own diff; the others preview their commit below.
    const bool history = m_strategies->currentIndex() == HistoryStrategy;
    m_preview->setVisible(!history);
    if (history)
        updateHistoryState();
    else
        requestPreview();
}

void RollbackDialog::updateHistoryState()
{
    if (m_strategies->currentIndex() != HistoryStrategy || m_running)
        return;
    const QString reason = m_history->blockedReason();
    m_confirm->setEnabled(reason.isEmpty());
    m_status->setText(reason.isEmpty() ? tr("Will apply history entry #%1.").arg(m_history->selectedEntry()) : reason);
}

void RollbackDialog::showHistoryResult(bool succeeded, const QString &message)
{
    m_running = false;
    updateHistoryState();
    m_status->setText(message); // verbatim: what ran, and how to update Git
    Q_EMIT rolledBack(succeeded, message);
}

void RollbackDialog::showImages(const QString &app, const QStringList &images, const QStringList &bad,
                                const QString &suggested)
{
    if (app != m_app)
        return;
    const QSignalBlocker block(m_images);
    m_images->clear();
    for (const QString &image : images) {
        const bool isBad = bad.contains(image);
        m_images->addItem(isBad ? tr("%1 (marked bad)").arg(image) : image);
        m_images->setItemData(m_images->count() - 1, image, kArgumentRole);
        m_images->setItemData(m_images->count() - 1, isBad, kBadRole);
    }
    // Only the suggestion is preselected; a bad image never is.
    m_images->setCurrentIndex(suggested.isEmpty() ? -1 : m_images->findData(suggested, kArgumentRole));
    if (m_strategies->currentIndex() == ImageStrategy)
        requestPreview();
}

void RollbackDialog::showCommits(const QString &app, const QStringList &commits, const QStringList &labels,
                                 const QStringList &flagged, const QString &suggested)
{
    if (app != m_app)
        return;
    const QSignalBlocker block(m_commits);
    m_commits->clear();
    for (int i = 0; i < commits.size() && i < labels.size(); ++i) {
        m_commits->addItem(labels.at(i));
        m_commits->setItemData(i, commits.at(i), kArgumentRole);
        m_commits->setItemData(i, flagged.contains(commits.at(i)), kBadRole);
    }
    m_commits->setCurrentIndex(suggested.isEmpty() ? -1 : m_commits->findData(suggested, kArgumentRole));
    if (m_strategies->currentIndex() == RevertStrategy)
        requestPreview();
}

void RollbackDialog::requestPreview()
{
    if (m_strategies->currentIndex() == HistoryStrategy)
        return; // the history page previews itself
    m_previewed = false;
    m_confirm->setEnabled(false);
    m_preview->clear();
    request(true);
}

void RollbackDialog::request(bool dryRun)
{
    const bool revert = m_strategies->currentIndex() == RevertStrategy;
    QComboBox *combo = revert ? m_commits : m_images;
    const QString argument = combo->currentData(kArgumentRole).toString();
    if (argument.isEmpty()) {
        m_status->setText(revert ? tr("Choose a commit to revert.") : tr("No image to suggest; choose one."));
        return;
    }
    if (dryRun)
        m_status->setText(combo->currentData(kBadRole).toBool()
                              ? tr("Warning: %1 is flagged. Previewing…").arg(combo->currentText())
                              : tr("Previewing…"));
    ++m_pending;
    if (revert)
        m_engine->revertCommit(m_app, argument, dryRun);
    else
        m_engine->setImage(m_app, argument, dryRun);
}

void RollbackDialog::showResult(const QString &action, const QString &preview, const QString &message,
                                const QString &commit)
{
    if (action != kAction)
        return;
    if (m_pending > 0 && --m_pending > 0)
        return; // a newer request is on its way
    if (m_running) {
        m_running = false;
        m_status->setText(tr("Committed %1: %2").arg(commit.left(7), message));
        Q_EMIT committed(commit, message);
        return;
    }
    m_preview->setPlainText(preview);
    m_previewed = true;
    m_confirm->setEnabled(true);
    m_status->setText(tr("Will commit: %1").arg(message));
    Q_EMIT previewShown();
}

void RollbackDialog::showRefusal(const QString &action, const QString &message)
{
    if (action != kAction)
        return;
    // Loading the lists refuses without a request of ours.
    if (m_pending > 0 && --m_pending > 0)
        return;
    m_running = false;
    m_status->setText(message); // verbatim
    m_confirm->setEnabled(false);
    Q_EMIT refused(message);
}

void RollbackDialog::confirm()
{
    if (m_strategies->currentIndex() == HistoryStrategy) {
        if (!m_history->blockedReason().isEmpty())
            return;
        m_confirm->setEnabled(false);
        m_status->setText(tr("Rolling back to history entry #%1…").arg(m_history->selectedEntry()));
        m_history->confirm();
        m_running = true;
        return;
    }
    if (!m_previewed || m_running)
        return;
    m_running = true;
    m_confirm->setEnabled(false);
    m_status->setText(tr("Committing…"));
    request(false);
}

} // namespace capstan::ui
