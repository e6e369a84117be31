#pragma once

// A real OpenSSH server and ssh-agent for tests of core/git's ssh remotes: an
// sshd of the test's own on 127.0.0.1 (its own host keys, configuration and
// authorized_keys in a temporary directory, public key logins only, as the
// user running the test), and the OpenSSH tools to make keys and known_hosts.

#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

// The OpenSSH programs the tests need, found on PATH (sshd also in the sbin
// directories). Empty when missing.
QString findOpenSshTool(const QString &name);

// Runs program with arguments; returns its stdout. exitCode receives the exit
// code (-1 when it crashed or did not start); without it a failure is printed
// as a warning. environment adds variables.
QByteArray runTool(
    const QString &program, const QStringList &arguments, int *exitCode = nullptr, const QStringList &environment = {});

// Makes a key pair at path (path.pub next to it) with ssh-keygen; returns false on failure.
bool generateKeyPair(const QString &path, const QString &type, const QString &passphrase = {});

// The "SHA256:…" fingerprint `ssh-keygen -lf` prints for a public key file.
QString fingerprintOf(const QString &publicKeyPath);

// The login name of the user running the test.
QString currentUserName();

class SshServer final
{
public:
    SshServer();
    ~SshServer();
    SshServer(const SshServer &) = delete;
    SshServer &operator=(const SshServer &) = delete;

    // Makes a host key, writes the configuration, starts sshd on a free port
    // and waits until it listens.
    bool start();
    void stop();
    // Lets the public key (the text of a .pub file) log in.
    bool authorize(const QString &publicKeyPath);
    // ssh://<user>@127.0.0.1:<port><absolutePath>
    QString url(const QString &absolutePath) const;
    quint16 port() const { return m_port; }
    // type: "ed25519" or "ecdsa", the server's two host keys.
    QString hostPublicKeyPath(const QString &type) const;
    // Everything sshd logged so far (it logs each accepted key's fingerprint).
    QString log();
    QString errorString() const { return m_error; }

private:
    QTemporaryDir m_dir;
    QProcess m_process;
    quint16 m_port = 0;
    QString m_log;
    QString m_error;
};

// `ssh-agent -D -a <socket>`: an agent of the test's own.
class SshAgent final
{
public:
    explicit SshAgent(const QString &socketPath);
    ~SshAgent();
    SshAgent(const SshAgent &) = delete;
    SshAgent &operator=(const SshAgent &) = delete;

    bool start();
    void stop();
    // ssh-add of an unencrypted private key.
    bool add(const QString &privateKeyPath);
    QString socketPath() const { return m_socketPath; }
    QString errorString() const { return m_error; }

private:
    QString m_socketPath;
    QProcess m_process;
    QString m_error;
};
