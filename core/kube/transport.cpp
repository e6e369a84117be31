#include "kube/transport_p.h"

#include <QMetaObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QObject>
#include <QPointer>
#include <QThread>
#include <QTimer>

#include <future>
#include <map>

namespace capstan::kube::detail {

struct Transport::Private
{
    QThread thread;
    QObject *context = nullptr; // lives on `thread`; everything network hangs off it
    QNetworkAccessManager *nam = nullptr;
    // Watches get a manager of their own: over HTTP/1.1 each open stream holds one of the
    // six connections a manager keeps per server, and requests must never queue behind them.
    // Over HTTP/2 (what kube-apiserver speaks) each manager multiplexes on one connection.
    QNetworkAccessManager *streamNam = nullptr;
    std::map<StreamId, QPointer<QNetworkReply>> streams;
    StreamId nextStream = 1;

    static QNetworkReply *start(QNetworkAccessManager *nam, const HttpRequest &r)
    {
        QNetworkRequest request(r.url);
        for (const auto &[name, value] : r.headers)
            request.setRawHeader(name, value);
        request.setSslConfiguration(r.ssl);
        if (!r.peerVerifyName.isEmpty())
            request.setPeerVerifyName(r.peerVerifyName);
        // The API server never redirects a client on purpose; following could leak the token.
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
        return r.body.isEmpty() && r.method == "GET" ? nam->get(request)
                                                     : nam->sendCustomRequest(request, r.method, r.body);
    }

    static HttpResponse finish(QNetworkReply *reply, const QStringList &sslErrors)
    {
        HttpResponse out;
        out.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (reply->isOpen())
            out.body = reply->readAll();
        out.sslErrors = sslErrors;
        if (out.status == 0 && reply->error() != QNetworkReply::NoError) {
            out.networkError = reply->errorString();
            out.tlsFailed = reply->error() == QNetworkReply::SslHandshakeFailedError || !sslErrors.isEmpty();
        }
        return out;
    }
};

Transport::Transport(const QNetworkProxy &proxy)
    : d(std::make_unique<Private>())
{
    d->thread.setObjectName("capstan-kube-transport");
    d->context = new QObject;
    d->context->moveToThread(&d->thread);
    d->thread.start();
    runAndWait([this, proxy] {
        d->nam = new QNetworkAccessManager(d->context);
        d->nam->setProxy(proxy);
        d->streamNam = new QNetworkAccessManager(d->context);
        d->streamNam->setProxy(proxy);
    });
}

Transport::~Transport()
{
    runAndWait([this] {
        for (auto &[id, reply] : d->streams) {
            if (reply) {
                reply->disconnect();
                reply->abort();
            }
        }
        d->streams.clear();
        delete d->nam;
        d->nam = nullptr;
        delete d->streamNam;
        d->streamNam = nullptr;
    });
    d->thread.quit();
    d->thread.wait();
    delete d->context;
}

bool Transport::onTransportThread() const
{
    return QThread::currentThread() == &d->thread;
}

void Transport::post(std::function<void()> fn, std::chrono::milliseconds delay)
{
    if (delay.count() > 0) {
        QMetaObject::invokeMethod(
            d->context, [this, fn = std::move(fn), delay] { QTimer::singleShot(delay, d->context, fn); },
            Qt::QueuedConnection);
        return;
    }
    QMetaObject::invokeMethod(d->context, std::move(fn), Qt::QueuedConnection);
}

void Transport::runAndWait(const std::function<void()> &fn)
{
    if (onTransportThread()) {
        fn();
        return;
    }
    auto done = std::make_shared<std::promise<void>>();
    auto future = done->get_future();
    post([fn, done] {
        fn();
        done->set_value();
    });
    future.wait();
}

HttpResponse Transport::send(HttpRequest request)
{
    Q_ASSERT(!onTransportThread());
    auto promise = std::make_shared<std::promise<HttpResponse>>();
    auto future = promise->get_future();
    sendAsync(std::move(request), [promise](HttpResponse r) { promise->set_value(std::move(r)); });
    return future.get();
}

void Transport::sendAsync(HttpRequest request, std::function<void(HttpResponse)> done)
{
    post([this, request = std::move(request), done = std::move(done)] {
        QNetworkReply *reply = Private::start(d->nam, request);
        auto sslErrors = std::make_shared<QStringList>();
        auto timedOut = std::make_shared<bool>(false);
        QObject::connect(reply, &QNetworkReply::sslErrors, d->context, [sslErrors](const QList<QSslError> &errors) {
            for (const QSslError &e : errors)
                *sslErrors << e.errorString();
        });
        if (request.timeout.count() > 0) {
            QTimer::singleShot(request.timeout, reply, [reply, timedOut] {
                *timedOut = true;
                reply->abort();
            });
        }
        QObject::connect(reply, &QNetworkReply::finished, d->context, [reply, done, sslErrors, timedOut] {
            HttpResponse response = Private::finish(reply, *sslErrors);
            response.timedOut = *timedOut;
            reply->deleteLater();
            done(std::move(response));
        });
    });
}

Transport::StreamId Transport::openStream(
    HttpRequest request, std::function<void(const QByteArray &)> data, std::function<void(HttpResponse)> end)
{
    Q_ASSERT(onTransportThread());
    const StreamId id = d->nextStream++;
    QNetworkReply *reply = Private::start(d->streamNam, request);
    d->streams[id] = reply;
    auto sslErrors = std::make_shared<QStringList>();
    QObject::connect(reply, &QNetworkReply::sslErrors, d->context, [sslErrors](const QList<QSslError> &errors) {
        for (const QSslError &e : errors)
            *sslErrors << e.errorString();
    });
    QObject::connect(reply, &QNetworkReply::readyRead, d->context, [reply, data] {
        // Error bodies arrive whole at the end; only a 200 stream is fed piecewise.
        if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200)
            data(reply->readAll());
    });
    QObject::connect(reply, &QNetworkReply::finished, d->context, [this, id, reply, data, end, sslErrors] {
        HttpResponse response = Private::finish(reply, *sslErrors);
        d->streams.erase(id);
        reply->deleteLater();
        if (response.status == 200 && !response.body.isEmpty())
            data(response.body);
        end(std::move(response));
    });
    return id;
}

void Transport::closeStream(StreamId id)
{
    Q_ASSERT(onTransportThread());
    auto it = d->streams.find(id);
    if (it == d->streams.end())
        return;
    QPointer<QNetworkReply> reply = it->second;
    d->streams.erase(it);
    if (reply) {
        reply->disconnect();
        reply->abort();
        reply->deleteLater();
    }
}

} // namespace capstan::kube::detail
