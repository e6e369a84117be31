#pragma once

#include <QDialog>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;

namespace capstan::ui {

class EngineClient;

// Rolls an application back through Git, by one of two strategies on tabs: a
// git revert of a commit (the suggested one preselected, bad ones flagged) or
// an image override (the tag from the images it has run, bad ones flagged and
// never preselected). A dry run previews the selected strategy's commit,
// Confirm makes it on the engine's thread. Refusals are shown as the engine
// words them.
class RollbackDialog final : public QDialog
{
    Q_OBJECT

public:
    RollbackDialog(EngineClient *engine, const QString &app, QWidget *parent = nullptr);
    ~RollbackDialog() override;

    enum Strategy { RevertStrategy, ImageStrategy };

    QTabWidget *strategies() const { return m_strategies; }
    QComboBox *commitCombo() const { return m_commits; }
    QComboBox *imageCombo() const { return m_images; }
    QPlainTextEdit *previewText() const { return m_preview; }
    QLabel *statusLabel() const { return m_status; }
    QPushButton *confirmButton() const { return m_confirm; }

Q_SIGNALS:
    void previewShown();
    void committed(const QString &commit, const QString &message);
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

    EngineClient *m_engine;
    QString m_app;
    QTabWidget *m_strategies;
    QComboBox *m_commits;
    QComboBox *m_images;
    QPlainTextEdit *m_preview;
    QLabel *m_status;
    QPushButton *m_confirm;
    bool m_previewed = false;
    bool m_running = false;
    int m_pending = 0; // requests the worker has not answered; only the last answer counts
};

} // namespace capstan::ui
