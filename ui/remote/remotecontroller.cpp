#include "remote/remotecontroller.h"

#include "engine/engineclient.h"
#include "models/statusstyle.h"
#include "remote/tokenstore.h"

#include <QAction>
#include <QInputDialog>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>

namespace capstan::ui {

RemoteController::RemoteController(EngineClient *engine, QWidget *window)
    : QObject(window)
    , m_engine(engine)
    , m_window(window)
    , m_tokens(new TokenStore(this))
    , m_menu(new QMenu(tr("&Repository"), window))
    , m_label(new QLabel(window))
{
    m_fetch = m_menu->addAction(tr("&Fetch"), engine, &EngineClient::fetchRemote);
    m_fetch->setShortcut(QKeySequence(tr("Ctrl+Shift+F")));
    m_pull = m_menu->addAction(tr("&Pull (Fast-Forward)"), engine, &EngineClient::pullRemote);
    m_push = m_menu->addAction(tr("P&ush…"), this, &RemoteController::confirmPush);
    m_push->setShortcut(QKeySequence(tr("Ctrl+Shift+P")));
    m_menu->addSeparator();
    m_token = m_menu->addAction(tr("&Access Token…"), this, &RemoteController::askForToken);
    m_label->setAccessibleName(tr("Git remote status"));
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);

    EngineWorker *worker = engine->worker();
    connect(worker, &EngineWorker::remoteStatusReady, this, &RemoteController::showStatus);
    connect(worker, &EngineWorker::remoteActionFinished, this, &RemoteController::showResult);
    connect(m_tokens, &TokenStore::loaded, this, [this](const QString &key, const QString &token) {
        if (key == m_status.url && !token.isEmpty())
            m_engine->setGitToken(token);
    });
    connect(m_tokens, &TokenStore::failed, this, [this](const QString &, const QString &message) {
        m_label->setToolTip(tr("The desktop keyring is not available (%1): a token is used for this session only "
                               "and never written to a file.")
                                .arg(message));
    });
    showStatus({});
}

void RemoteController::showStatus(const RemoteStatus &status)
{
    m_status = status;
    for (QAction *action : {m_fetch, m_pull, m_push, m_token})
        action->setEnabled(status.hasRemote);
    m_pull->setEnabled(status.hasRemote && status.behind > 0 && status.ahead == 0);
    m_push->setEnabled(status.hasRemote && status.ahead > 0);
    if (status.hasRemote && status.url != m_tokenLoadedFor && status.url.startsWith(QStringLiteral("http"))) {
        m_tokenLoadedFor = status.url;
        m_tokens->load(status.url); // the keyring answers later; until then git's own helpers are asked
    }

    QString text;
    QString color;
    const QString upstream = QString(status.upstream).remove(QStringLiteral("refs/remotes/"));
    if (!status.hasRemote) {
        text = tr("No remote");
    } else if (!status.error.isEmpty()) {
        text = tr("%1 unreachable — working from the local clone").arg(QStringLiteral("origin"));
        color = windowColor(argo::SyncWindowState::ManualOnly, m_label->palette()).name();
    } else if (status.ahead > 0 && status.behind > 0) {
        text = tr("%1 has diverged from %2: %3 to push, %4 to pull").arg(status.branch, upstream).arg(status.ahead).arg(status.behind);
        color = windowColor(argo::SyncWindowState::Denied, m_label->palette()).name();
    } else if (status.ahead > 0) {
        text = tr("Commits to push: %1").arg(status.ahead);
        color = syncColor(compare::SyncStatus::OutOfSync, m_label->palette()).name();
    } else if (status.behind > 0) {
        text = tr("Commits behind %1: %2").arg(upstream).arg(status.behind);
        color = syncColor(compare::SyncStatus::OutOfSync, m_label->palette()).name();
    } else {
        text = upstream.isEmpty() ? tr("Not fetched yet") : tr("Up to date with %1").arg(upstream);
    }
    m_label->setText(text);
    m_label->setStyleSheet(color.isEmpty() ? QString() : QStringLiteral("color: %1").arg(color));
    QString tip = status.hasRemote ? tr("Remote: %1").arg(status.url) : tr("The repository has no remote named origin.");
    if (status.fetchedAt.isValid())
        tip += QLatin1Char('\n') + tr("Last fetched %1").arg(QLocale().toString(status.fetchedAt.toLocalTime(), QLocale::ShortFormat));
    if (!status.error.isEmpty())
        tip += QLatin1Char('\n') + status.error;
    m_label->setToolTip(tip);
    Q_EMIT statusChanged(status);
}

void RemoteController::showResult(const QString &action, bool succeeded, const QString &message)
{
    if (action == QStringLiteral("push") || (action == QStringLiteral("pull") && !succeeded)) {
        auto *box = new QMessageBox(succeeded ? QMessageBox::Information : QMessageBox::Warning,
                                    action == QStringLiteral("push") ? tr("Push") : tr("Pull"), message,
                                    QMessageBox::Ok, m_window);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    }
    Q_EMIT actionFinished(action, succeeded, message);
}

QMessageBox *RemoteController::confirmPush()
{
    if (!m_status.hasRemote || m_status.ahead == 0)
        return nullptr;
    const QString upstream = QString(m_status.upstream).remove(QStringLiteral("refs/remotes/"));
    auto *box = new QMessageBox(QMessageBox::Question, tr("Push %1").arg(m_status.branch),
                                tr("Push %n commit(s) from %1 to %2?", nullptr, m_status.ahead)
                                    .arg(m_status.branch, upstream),
                                QMessageBox::Yes | QMessageBox::Cancel, m_window);
    box->setInformativeText(m_status.toPush.join(QLatin1Char('\n')));
    box->setDefaultButton(QMessageBox::Cancel); // pushing is a deliberate act
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::accepted, m_engine, &EngineClient::pushRemote);
    box->open();
    return box;
}

void RemoteController::setToken(const QString &token)
{
    m_engine->setGitToken(token);
    if (!m_status.url.isEmpty())
        m_tokens->save(m_status.url, token);
}

void RemoteController::askForToken()
{
    bool ok = false;
    const QString token = QInputDialog::getText(m_window, tr("Access Token"),
                                                tr("Token for %1 (kept in the desktop's keyring):").arg(m_status.url),
                                                QLineEdit::Password, QString(), &ok);
    if (ok && !token.isEmpty())
        setToken(token);
}

} // namespace capstan::ui
