#pragma once

#include <QDialog>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace capstan::ui {

class EngineClient;

// Promotes a service from one environment to another (the matrix's
// environments; the target defaults to the next one): a dry run shows the
// image changes and manifest diff the target gets; where the target's project
// requires approval an approval note is required; Confirm commits on the
// engine's thread. Refusals are shown as the engine words them.
class PromoteDialog final : public QDialog
{
    Q_OBJECT

public:
    PromoteDialog(EngineClient *engine, const QString &service, const QString &fromEnv, QWidget *parent = nullptr);
    ~PromoteDialog() override;

    QComboBox *fromCombo() const { return m_from; }
    QComboBox *toCombo() const { return m_to; }
    QPlainTextEdit *noteEdit() const { return m_note; }
    QPlainTextEdit *previewText() const { return m_preview; }
    QLabel *statusLabel() const { return m_status; }
    QPushButton *confirmButton() const { return m_confirm; }
    bool noteRequired() const { return m_noteRequired; }

Q_SIGNALS:
    void previewShown();
    void committed(const QString &commit, const QString &message);
    void refused(const QString &message);

private:
    void requestPreview();
    void updateConfirm();
    void showResult(const QString &action, const QString &preview, const QString &message, const QString &commit);
    void showRefusal(const QString &action, const QString &message);
    void confirm();

    EngineClient *m_engine;
    QString m_service;
    QComboBox *m_from;
    QComboBox *m_to;
    QPlainTextEdit *m_note;
    QPlainTextEdit *m_preview;
    QLabel *m_status;
    QPushButton *m_confirm;
    bool m_noteRequired = false;
    bool m_previewed = false;
    bool m_running = false;
};

} // namespace capstan::ui
