#pragma once

#include "engine/enginetypes.h"

#include <QObject>

class QAction;
class QLabel;
class QMenu;
class QMessageBox;
class QWidget;

namespace capstan::ui {

class EngineClient;
class TokenStore;

// The workspace's Git remote in the console: a status-bar label saying whether
// the branch is behind or has commits to push (or that the remote is out of
// reach and the console works from the local clone), and the Repository menu:
// Fetch, Pull (fast-forward), Push… after the person confirms what it sends,
// and the access token for https remotes, kept in the desktop's keyring.
class RemoteController final : public QObject
{
    Q_OBJECT

public:
    RemoteController(EngineClient *engine, QWidget *window);

    QMenu *menu() const { return m_menu; }
    QLabel *statusLabel() const { return m_label; }
    const RemoteStatus &status() const { return m_status; }
    QAction *pushAction() const { return m_push; }
    QAction *pullAction() const { return m_pull; }

    // Asks the person to confirm the commits a push sends; pushes on Yes.
    QMessageBox *confirmPush();
    // Uses token for this remote from now on and stores it in the keyring.
    void setToken(const QString &token);

Q_SIGNALS:
    void statusChanged(const capstan::ui::RemoteStatus &status);
    void actionFinished(const QString &action, bool succeeded, const QString &message);

private:
    void showStatus(const RemoteStatus &status);
    void showResult(const QString &action, bool succeeded, const QString &message);
    void askForToken();

    EngineClient *m_engine;
    QWidget *m_window;
    TokenStore *m_tokens;
    RemoteStatus m_status;
    QString m_tokenLoadedFor;
    QMenu *m_menu;
    QLabel *m_label;
    QAction *m_fetch;
    QAction *m_pull;
    QAction *m_push;
    QAction *m_token;
};

} // namespace capstan::ui
