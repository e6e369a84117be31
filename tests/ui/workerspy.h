#pragma once

// Records the signals of an object that lives on the engine thread.
//
// QSignalSpy cannot be used there: it records on the emitting thread, so an
// answer that arrives between the request and wait() is counted as old, and
// wait() then runs into its timeout although the answer is in the list. This
// spy receives through a queued connection on the test's thread, where an
// answer can only be delivered by the event loop that wait() runs.

#include <QEventLoop>
#include <QList>
#include <QObject>
#include <QTimer>
#include <QVariant>

#include <type_traits>

namespace capstan::test {

template <typename... Args>
class WorkerSpy : public QList<QVariantList>
{
public:
    template <typename Sender>
    WorkerSpy(Sender *sender, void (Sender::*signal)(Args...))
    {
        m_timeout.setSingleShot(true);
        QObject::connect(&m_timeout, &QTimer::timeout, &m_loop, &QEventLoop::quit);
        QObject::connect(
            sender, signal, &m_receiver,
            [this](Args... args) {
                append(QVariantList{QVariant::fromValue(std::decay_t<Args>(args))...});
                m_loop.quit();
            },
            Qt::QueuedConnection);
    }

    // True when a signal arrives within `timeoutMs`.
    bool wait(int timeoutMs)
    {
        const qsizetype before = size();
        m_timeout.start(timeoutMs);
        m_loop.exec();
        m_timeout.stop();
        return size() > before;
    }

private:
    QObject m_receiver;
    QEventLoop m_loop;
    QTimer m_timeout;
};

template <typename Sender, typename... Args>
WorkerSpy(Sender *, void (Sender::*)(Args...)) -> WorkerSpy<Args...>;

} // namespace capstan::test
