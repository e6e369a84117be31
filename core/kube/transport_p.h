#pragma once

// HTTP for KubeCluster: a private thread that owns the QNetworkAccessManager. Callers on
// any other thread post requests and wait on a future; no caller ever runs a nested
// event loop. Completion callbacks and stream callbacks run on the transport thread.

#include <QByteArray>
#include <QList>
#include <QNetworkProxy>
#include <QPair>
#include <QSslConfiguration>
#include <QStringList>
#include <QUrl>

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>

class QObject;
class QNetworkAccessManager;
class QThread;

namespace capstan::kube::detail {

struct HttpRequest
{
    QByteArray method = "GET";
    QUrl url;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    QSslConfiguration ssl;
    QString peerVerifyName; // kubeconfig tls-server-name
    std::chrono::milliseconds timeout { 0 }; // whole request; 0: none (watch streams)
};

struct HttpResponse
{
    int status = 0; // HTTP status; 0 when no response arrived
    QByteArray body;
    QString networkError; // set when the request failed below HTTP (refused, TLS, timeout)
    bool timedOut = false;
    bool tlsFailed = false;
    QStringList sslErrors; // why the certificate was not trusted
};

class Transport
{
public:
    using StreamId = std::uint64_t;

    explicit Transport(const QNetworkProxy &proxy);
    ~Transport();
    Transport(const Transport &) = delete;
    Transport &operator=(const Transport &) = delete;

    // Sends and blocks until the response. Must not be called on the transport thread.
    HttpResponse send(HttpRequest request);
    // Sends; `done` runs on the transport thread.
    void sendAsync(HttpRequest request, std::function<void(HttpResponse)> done);
    // Starts a streaming request (a watch). `data` gets bytes as they arrive, `end` the
    // final status once the server or the network ends it. Call on the transport thread.
    StreamId openStream(
        HttpRequest request, std::function<void(const QByteArray &)> data, std::function<void(HttpResponse)> end);
    // Ends a stream without calling its `end`. Call on the transport thread.
    void closeStream(StreamId id);

    // Runs `fn` on the transport thread (after `delay`).
    void post(std::function<void()> fn, std::chrono::milliseconds delay = std::chrono::milliseconds(0));
    // Runs `fn` on the transport thread and waits for it (directly when already there).
    void runAndWait(const std::function<void()> &fn);
    bool onTransportThread() const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace capstan::kube::detail
