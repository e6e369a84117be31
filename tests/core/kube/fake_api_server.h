#pragma once

// A small HTTPS server on 127.0.0.1 for KubeCluster tests: it records every request and
// answers with what the test's handler returns (canned Kubernetes API responses). It runs
// on a thread of its own, since KubeCluster's calls block the test's thread.

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QMutex>
#include <QSslCertificate>
#include <QSslKey>
#include <QString>
#include <QThread>
#include <QUrlQuery>

#include <functional>
#include <memory>

class QSslServer;

struct RecordedRequest
{
    QByteArray method;
    QString path;
    QUrlQuery query;
    QMap<QByteArray, QByteArray> headers; // names in lower case
    QByteArray body;
    QString clientCommonName; // of the client certificate, when one was presented

    QByteArray header(const QByteArray &name) const { return headers.value(name.toLower()); }
};

struct CannedResponse
{
    CannedResponse() = default;
    CannedResponse(int s, QByteArray b)
        : status(s)
        , body(std::move(b))
    {
    }

    int status = 200;
    QByteArray body;
    // A watch: these lines are sent one at a time (lineDelayMs apart), then the stream ends
    // unless keepOpen.
    QList<QByteArray> streamLines;
    bool stream = false;
    bool keepOpen = false;
    int lineDelayMs = 20;
    bool noAnswer = false; // never answer (timeouts)
};

class FakeApiServer
{
public:
    using Handler = std::function<CannedResponse(const RecordedRequest &)>;

    // Serves TLS with `certificate` and `key`; asks for (but does not require) a client
    // certificate signed by `clientCa`.
    FakeApiServer(const QSslCertificate &certificate, const QSslKey &key, const QSslCertificate &clientCa);
    ~FakeApiServer();

    QString url() const; // "https://127.0.0.1:<port>"
    quint16 port() const { return m_port; }
    void setHandler(Handler handler);
    QList<RecordedRequest> requests() const;
    void clearRequests();
    // Ends every open stream (keepOpen ones included).
    void closeStreams();

private:
    friend class FakeApiConnection;
    CannedResponse handle(const RecordedRequest &request);

    QThread m_thread;
    QSslServer *m_server = nullptr;
    quint16 m_port = 0;
    mutable QMutex m_mutex;
    Handler m_handler;
    QList<RecordedRequest> m_requests;
};

// A Kubernetes Status body, as the API server sends errors.
QByteArray statusBody(int code, const QByteArray &reason, const QByteArray &message);
// A file under tests/core/kube/data.
QByteArray testData(const QString &name);
