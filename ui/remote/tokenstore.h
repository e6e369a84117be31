#pragma once

#include <QObject>
#include <QString>

namespace capstan::ui {

// The Git access token for https remotes, kept in the desktop's keyring
// (Secret Service or KWallet through QtKeychain), never in a file. Every call
// is asynchronous: the GUI thread never waits for the keyring.
class TokenStore final : public QObject
{
    Q_OBJECT

public:
    // key: what the token is for (the remote's URL).
    explicit TokenStore(QObject *parent = nullptr);

    void load(const QString &key);
    void save(const QString &key, const QString &token);
    void remove(const QString &key);

Q_SIGNALS:
    // token is empty when none is stored.
    void loaded(const QString &key, const QString &token);
    void saved(const QString &key);
    // The keyring refused or is not there (no Secret Service on this desktop).
    void failed(const QString &key, const QString &message);
};

} // namespace capstan::ui
