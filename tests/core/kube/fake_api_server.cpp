#include "fake_api_server.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMetaObject>
#include <QPointer>
#include <QSslServer>
#include <QSslSocket>
#include <QTimer>

class FakeApiConnection : public QObject
{
public:
    FakeApiConnection(FakeApiServer &server, QSslSocket *socket)
        : QObject(socket)
        , m_server(server)
        , m_socket(socket)
    {
        connect(socket, &QSslSocket::readyRead, this, &FakeApiConnection::onReadyRead);
        connect(socket, &QSslSocket::disconnected, socket, &QObject::deleteLater);
        // Handshake failures (an untrusting client) just drop the connection.
        connect(socket, &QSslSocket::sslErrors, socket, [socket] { socket->ignoreSslErrors(); });
    }

private:
    void onReadyRead()
    {
        m_buffer += m_socket->readAll();
        const qsizetype headerEnd = m_buffer.indexOf("\r\n\r\n");
        if (headerEnd < 0 || m_answered)
            return;
        RecordedRequest request;
        const QList<QByteArray> lines = m_buffer.left(headerEnd).split('\n');
        const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
        request.method = first.value(0);
        const QByteArray target = first.value(1);
        const qsizetype q = target.indexOf('?');
        request.path = QString::fromUtf8(q < 0 ? target : target.left(q));
        if (q >= 0)
            request.query = QUrlQuery(QString::fromUtf8(target.mid(q + 1)));
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines[i].indexOf(':');
            if (colon > 0)
                request.headers[lines[i].left(colon).trimmed().toLower()] = lines[i].mid(colon + 1).trimmed();
        }
        const int length = request.headers.value("content-length").toInt();
        if (m_buffer.size() < headerEnd + 4 + length)
            return; // the body is still coming
        request.body = m_buffer.mid(headerEnd + 4, length);
        const QSslCertificate peer = m_socket->peerCertificate();
        if (!peer.isNull())
            request.clientCommonName = peer.subjectInfo(QSslCertificate::CommonName).value(0);
        m_answered = true;
        answer(m_server.handle(request));
    }

    void answer(const CannedResponse &r)
    {
        if (r.noAnswer)
            return;
        QByteArray head = "HTTP/1.1 " + QByteArray::number(r.status) + " X\r\nContent-Type: application/json\r\n";
        if (!r.stream) {
            head += "Content-Length: " + QByteArray::number(r.body.size()) + "\r\nConnection: close\r\n\r\n";
            m_socket->write(head + r.body);
            m_socket->disconnectFromHost();
            return;
        }
        m_socket->write(head + "Transfer-Encoding: chunked\r\n\r\n");
        m_lines = r.streamLines;
        m_keepOpen = r.keepOpen;
        auto *timer = new QTimer(this);
        connect(timer, &QTimer::timeout, this, [this, timer] {
            if (m_lines.isEmpty()) {
                timer->stop();
                if (!m_keepOpen)
                    endStream();
                return;
            }
            const QByteArray line = m_lines.takeFirst() + "\n";
            m_socket->write(QByteArray::number(line.size(), 16) + "\r\n" + line + "\r\n");
        });
        timer->start(r.lineDelayMs);
    }

public:
    void endStream()
    {
        if (m_socket->state() != QAbstractSocket::ConnectedState)
            return;
        m_socket->write("0\r\n\r\n");
        m_socket->disconnectFromHost();
    }

private:
    FakeApiServer &m_server;
    QSslSocket *m_socket;
    QByteArray m_buffer;
    bool m_answered = false;
    QList<QByteArray> m_lines;
    bool m_keepOpen = false;
};

FakeApiServer::FakeApiServer(const QSslCertificate &certificate, const QSslKey &key, const QSslCertificate &clientCa)
{
    m_thread.start();
    auto *context = new QObject;
    context->moveToThread(&m_thread);
    QMetaObject::invokeMethod(
        context,
        [&] {
            m_server = new QSslServer;
            QSslConfiguration config = QSslConfiguration::defaultConfiguration();
            config.setLocalCertificate(certificate);
            config.setPrivateKey(key);
            config.setCaCertificates({ clientCa });
            config.setPeerVerifyMode(QSslSocket::QueryPeer);
            m_server->setSslConfiguration(config);
            QObject::connect(m_server, &QSslServer::pendingConnectionAvailable, m_server, [this] {
                while (QTcpSocket *socket = m_server->nextPendingConnection())
                    new FakeApiConnection(*this, static_cast<QSslSocket *>(socket));
            });
            if (!m_server->listen(QHostAddress::LocalHost, 0))
                qFatal("fake API server cannot listen");
            m_port = m_server->serverPort();
        },
        Qt::BlockingQueuedConnection);
    context->deleteLater();
}

FakeApiServer::~FakeApiServer()
{
    QMetaObject::invokeMethod(
        m_server, [this] { delete m_server; }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

QString FakeApiServer::url() const
{
    return QString("https://127.0.0.1:%1").arg(m_port);
}

void FakeApiServer::setHandler(Handler handler)
{
    QMutexLocker lock(&m_mutex);
    m_handler = std::move(handler);
}

QList<RecordedRequest> FakeApiServer::requests() const
{
    QMutexLocker lock(&m_mutex);
    return m_requests;
}

void FakeApiServer::clearRequests()
{
    QMutexLocker lock(&m_mutex);
    m_requests.clear();
}

void FakeApiServer::closeStreams()
{
    QMetaObject::invokeMethod(
        m_server,
        [this] {
            // No Q_OBJECT on the connection class, so qobject_cast cannot tell it apart.
            for (QObject *child : m_server->findChildren<QObject *>()) {
                if (auto *c = dynamic_cast<FakeApiConnection *>(child))
                    c->endStream();
            }
        },
        Qt::BlockingQueuedConnection);
}

CannedResponse FakeApiServer::handle(const RecordedRequest &request)
{
    Handler handler;
    {
        QMutexLocker lock(&m_mutex);
        m_requests.append(request);
        handler = m_handler;
    }
    if (!handler)
        return { 404, statusBody(404, "NotFound", "the server could not find the requested resource") };
    return handler(request);
}

QByteArray statusBody(int code, const QByteArray &reason, const QByteArray &message)
{
    QJsonObject status { { "kind", "Status" }, { "apiVersion", "v1" }, { "metadata", QJsonObject() },
        { "status", "Failure" }, { "message", QString::fromUtf8(message) }, { "reason", QString::fromUtf8(reason) },
        { "code", code } };
    return QJsonDocument(status).toJson(QJsonDocument::Compact);
}

QByteArray testData(const QString &name)
{
    QFile f(QStringLiteral(CAPSTAN_TEST_DATA) + "/data/" + name);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing test data %s", qPrintable(name));
    return f.readAll();
}
