#pragma once

#include <QDialog>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;

namespace capstan::ui {

class EngineClient;
class HistoryRollbackPage;

// Rolls an application back by one of three strategies on tabs: a git revert
// of a commit (the suggested one preselected, bad ones flagged), a history
// rollback (re-apply what an entry recorded; its diff and the drift it leaves)
// or an image override (the tag from the images it has run, bad ones flagged
// and never preselected). Each is previewed before Confirm, which runs it on
// the engine's thread. Refusals are shown as the engine words them.
class RollbackDialog final : public QDialog
{
    Q_OBJECT

public:
    RollbackDialog(EngineClient *engine, const QString &app, QWidget *parent = nullptr);
    ~RollbackDialog() override;

    enum Strategy { RevertStrategy, HistoryStrategy, ImageStrategy };

    QTabWidget *strategies() const { return m_strategies; }
    QComboBox *commitCombo() const { return m_commits; }
    QComboBox *imageCombo() const { return m_images; }
    HistoryRollbackPage *historyPage() const { return m_history; }
    QPlainTextEdit *previewText() const { return m_preview; }
    QLabel *statusLabel() const { return m_status; }
    QPushButton *confirmButton() const { return m_confirm; }

Q_SIGNALS:
    void previewShown();
    void committed(const QString &commit, const QString &message);
    // A history rollback ran (succeeded or not); message: what it did and how to update Git.
    void rolledBack(bool succeeded, const QString &message);
    void refused(const QString &message);

private:
    void showImages(const QString &app, const QStringList &images, const QStringList &bad, const QString &suggested);
    void showCommits(const QString &app, const QStringList &commits, const QStringList &labels,
                     const QStringList &flagged, const QString &suggested);
    void request(bool dryRun);
    void requestPreview();
    void showResult(const QString &action, const QString &preview, const QString &message, const QString &commit);
    void showRefusal(const QString &action, const QString &message);
    void confirm();
    void strategyChanged();
    void updateHistoryState();
    void showHistoryResult(bool succeeded, const QString &message);

    EngineClient *m_engine;
    QString m_app;
    QTabWidget *m_strategies;
    QComboBox *m_commits;
    QComboBox *m_images;
    HistoryRollbackPage *m_history;
    QPlainTextEdit *m_preview;
    QLabel *m_status;
    QPushButton *m_confirm;
    bool m_previewed = false;
    bool m_running = false;
    int m_pending = 0; // requests the worker has not answered; only the last answer counts
};

} // namespace capstan::ui
