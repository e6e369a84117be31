#include "dialogs/promotedialog.h"

#include "dialogs/confirmarea.h"
#include "engine/engineclient.h"
#include "models/appidentity.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace capstan::ui {

namespace {

const QString kAction = QStringLiteral("promote");

} // namespace

PromoteDialog::PromoteDialog(EngineClient *engine, const QString &service, const QString &fromEnv, QWidget *parent)
    : QDialog(parent)
    , m_engine(engine)
    , m_service(service)
    , m_from(new QComboBox(this))
    , m_to(new QComboBox(this))
    , m_note(new QPlainTextEdit(this))
    , m_preview(new QPlainTextEdit(this))
    , m_status(new QLabel(this))
    , m_confirm(new QPushButton(tr("Confirm promotion"), this))
{
    setWindowTitle(tr("Promote %1").arg(service));
    m_from->setAccessibleName(tr("From environment"));
    m_to->setAccessibleName(tr("To environment"));
    m_note->setAccessibleName(tr("Approval note"));
    m_note->setPlaceholderText(tr("Why this promotion is approved (change ticket, reviewer)"));
    m_note->setMaximumHeight(m_note->fontMetrics().lineSpacing() * 4);

    if (SnapshotPtr snapshot = engine->snapshot()) {
        const ServiceMatrix matrix = buildServiceMatrix(*snapshot);
        for (const std::string &env : matrix.environments) {
            if (matrix.app(service.toStdString(), env)) {
                m_from->addItem(QString::fromStdString(env));
                m_to->addItem(QString::fromStdString(env));
            }
        }
    }
    const int from = std::max(0, m_from->findText(fromEnv));
    m_from->setCurrentIndex(from);
    m_to->setCurrentIndex(std::min(from + 1, m_to->count() - 1)); // the next environment

    auto *form = new QFormLayout;
    form->addRow(tr("From:"), m_from);
    form->addRow(tr("To:"), m_to);
    form->addRow(tr("Approval note:"), m_note);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    addConfirmArea(this, layout, m_preview, m_status, m_confirm, tr("Promotion preview"), tr("Promotion status"));
    resize(900, 700);
    connect(m_confirm, &QPushButton::clicked, this, &PromoteDialog::confirm);
    connect(m_from, &QComboBox::currentIndexChanged, this, &PromoteDialog::requestPreview);
    connect(m_to, &QComboBox::currentIndexChanged, this, &PromoteDialog::requestPreview);
    connect(m_note, &QPlainTextEdit::textChanged, this, &PromoteDialog::updateConfirm);
    EngineWorker *worker = engine->worker();
    connect(worker, &EngineWorker::gitChangeReady, this, &PromoteDialog::showResult);
    connect(worker, &EngineWorker::gitChangeRefused, this, &PromoteDialog::showRefusal);
    requestPreview();
}

PromoteDialog::~PromoteDialog() = default;

void PromoteDialog::requestPreview()
{
    m_previewed = false;
    m_noteRequired = false;
    if (SnapshotPtr snapshot = m_engine->snapshot()) {
        const ServiceMatrix matrix = buildServiceMatrix(*snapshot);
        if (const std::string *app = matrix.app(m_service.toStdString(), m_to->currentText().toStdString()))
            if (const engine::AppState *target = snapshot->app(*app))
                m_noteRequired = target->requiresApproval;
    }
    m_note->setEnabled(true);
    updateConfirm();
    if (m_from->currentIndex() < 0 || m_from->currentIndex() == m_to->currentIndex()) {
        m_status->setText(tr("Choose two different environments."));
        return;
    }
    m_status->setText(tr("Previewing…"));
    m_engine->promote(m_service, m_from->currentText(), m_to->currentText(), m_note->toPlainText(), true);
}

void PromoteDialog::updateConfirm()
{
    const bool noted = !m_noteRequired || !m_note->toPlainText().trimmed().isEmpty();
    m_confirm->setEnabled(m_previewed && !m_running && noted);
    m_confirm->setToolTip(noted ? QString() : tr("%1 requires an approval note.").arg(m_to->currentText()));
}

void PromoteDialog::showResult(const QString &action, const QString &preview, const QString &message,
                               const QString &commit)
{
    if (action != kAction)
        return;
    if (m_running) {
        m_running = false;
        m_status->setText(tr("Committed %1: %2").arg(commit.left(7), message));
        Q_EMIT committed(commit, message);
        return;
    }
    m_preview->setPlainText(preview);
    m_previewed = true;
    m_status->setText(tr("Will commit: %1").arg(message));
    updateConfirm();
    Q_EMIT previewShown();
}

void PromoteDialog::showRefusal(const QString &action, const QString &message)
{
    if (action != kAction)
        return;
    m_running = false;
    m_previewed = false;
    m_status->setText(message); // verbatim
    updateConfirm();
    Q_EMIT refused(message);
}

void PromoteDialog::confirm()
{
    if (!m_confirm->isEnabled())
        return;
    m_running = true;
    updateConfirm();
    m_status->setText(tr("Committing…"));
    m_engine->promote(m_service, m_from->currentText(), m_to->currentText(), m_note->toPlainText(), false);
}

} // namespace capstan::ui
