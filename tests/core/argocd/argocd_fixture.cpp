#include "argocd_fixture.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMutexLocker>

QByteArray argoTestData(const QString &name)
{
    QFile f(QStringLiteral(CAPSTAN_TEST_DATA) + "/data/" + name);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing test data %s", qPrintable(name));
    return f.readAll();
}

const QJsonObject bodyOf(const RecordedRequest &r)
{
    return QJsonDocument::fromJson(r.body).object();
}

QString infoValue(const QJsonObject &operation, const QString &name)
{
    for (const QJsonValue &entry : operation["info"].toArray()) {
        if (entry["name"].toString() == name)
            return entry["value"].toString();
    }
    return {};
}

bool ArgoFixture::start()
{
    if (!kube.start())
        return false;
    reset();
    kube.discovery.insert("/apis", argoTestData("apis.json"));
    kube.discovery.insert("/apis/argoproj.io/v1alpha1", argoTestData("apis_argoproj_v1alpha1.json"));
    kube.serve([this](const RecordedRequest &r) { return answer(r); });
    cluster = kube.open();
    return cluster != nullptr;
}

void ArgoFixture::reset()
{
    QMutexLocker lock(&m_mutex);
    m_apps.clear();
    const QJsonArray items = QJsonDocument::fromJson(argoTestData("application_list.json")).object()["items"].toArray();
    for (const QJsonValue &item : items)
        m_apps.insert(item["metadata"]["name"].toString(), item.toObject());
    m_projects.clear();
    const QJsonArray projectItems
        = QJsonDocument::fromJson(argoTestData("appproject_list.json")).object()["items"].toArray();
    for (const QJsonValue &item : projectItems)
        m_projects.insert(item["metadata"]["name"].toString(), item.toObject());
    m_projectsForbidden = false;
    m_watchLines.clear();
    m_writeFailure.reset();
    if (kube.server)
        kube.server->clearRequests();
}

void ArgoFixture::failWrites(const CannedResponse &response)
{
    QMutexLocker lock(&m_mutex);
    m_writeFailure = response;
}

void ArgoFixture::forbidProjects()
{
    QMutexLocker lock(&m_mutex);
    m_projectsForbidden = true;
}

void ArgoFixture::streamWatchEvents(const QList<QByteArray> &lines)
{
    QMutexLocker lock(&m_mutex);
    m_watchLines = lines;
}

QJsonObject ArgoFixture::application(const QString &name) const
{
    QMutexLocker lock(&m_mutex);
    return m_apps.value(name);
}

void ArgoFixture::putApplication(const QJsonObject &application)
{
    QMutexLocker lock(&m_mutex);
    QJsonObject app = application;
    QJsonObject metadata = app["metadata"].toObject();
    metadata["resourceVersion"] = QString::number(++m_resourceVersion);
    app["metadata"] = metadata;
    m_apps.insert(metadata["name"].toString(), app);
}

QList<RecordedRequest> ArgoFixture::requests(const QByteArray &method) const
{
    QList<RecordedRequest> out;
    for (const RecordedRequest &r : kube.server->requests()) {
        if (r.method == method && r.path.startsWith(collection))
            out.append(r);
    }
    return out;
}

CannedResponse ArgoFixture::answerProjects(const RecordedRequest &r) const
{
    if (m_projectsForbidden)
        return { 403,
            statusBody(403, "Forbidden",
                "appprojects.argoproj.io is forbidden: User \"alice\" cannot get resource \"appprojects\" in API "
                "group \"argoproj.io\" in the namespace \"argocd\"") };
    if (r.method == "GET" && r.path == projects) {
        QJsonArray items;
        for (const QJsonObject &project : m_projects)
            items.append(project);
        const QJsonObject list { { "apiVersion", "argoproj.io/v1alpha1" }, { "kind", "AppProjectList" },
            { "metadata", QJsonObject { { "resourceVersion", "48211" } } }, { "items", items } };
        return { 200, QJsonDocument(list).toJson(QJsonDocument::Compact) };
    }
    const QString name = r.path.mid(QString(projects).size() + 1);
    if (r.method == "GET" && m_projects.contains(name))
        return { 200, QJsonDocument(m_projects.value(name)).toJson(QJsonDocument::Compact) };
    return { 404, statusBody(404, "NotFound", "appprojects.argoproj.io \"" + name.toUtf8() + "\" not found") };
}

CannedResponse ArgoFixture::answer(const RecordedRequest &r)
{
    QMutexLocker lock(&m_mutex);
    if (r.path.startsWith(projects))
        return answerProjects(r);
    const QString base = collection;
    if (r.method == "GET" && r.path == base && r.query.queryItemValue("watch") == "1") {
        CannedResponse stream;
        stream.stream = true;
        stream.streamLines = m_watchLines;
        stream.keepOpen = true;
        return stream;
    }
    if (r.method == "GET" && r.path == base) {
        QJsonArray items;
        for (const QJsonObject &app : std::as_const(m_apps))
            items.append(app);
        QJsonObject list { { "apiVersion", "argoproj.io/v1alpha1" }, { "kind", "ApplicationList" },
            { "metadata", QJsonObject { { "resourceVersion", QString::number(m_resourceVersion) } } },
            { "items", items } };
        return { 200, QJsonDocument(list).toJson(QJsonDocument::Compact) };
    }
    // The test user's RBAC: Applications in argocd only, as a namespaced Role grants.
    const QString others = "/apis/argoproj.io/v1alpha1/namespaces/";
    if (r.path.startsWith(others) && !r.path.startsWith(base)) {
        const QByteArray ns = r.path.mid(others.size()).section('/', 0, 0).toUtf8();
        return { 403,
            statusBody(403, "Forbidden",
                "applications.argoproj.io is forbidden: User \"alice\" cannot list resource \"applications\" in API "
                "group \"argoproj.io\" in the namespace \""
                    + ns + "\"") };
    }
    if (!r.path.startsWith(base + "/"))
        return { 404, statusBody(404, "NotFound", "the server could not find the requested resource") };
    const QString name = r.path.mid(base.size() + 1);
    if (!m_apps.contains(name))
        return { 404, statusBody(404, "NotFound", "applications.argoproj.io \"" + name.toUtf8() + "\" not found") };
    if (r.method == "GET")
        return { 200, QJsonDocument(m_apps.value(name)).toJson(QJsonDocument::Compact) };
    if (r.method == "PUT") {
        if (m_writeFailure)
            return *m_writeFailure;
        QJsonObject app = QJsonDocument::fromJson(r.body).object();
        QJsonObject metadata = app["metadata"].toObject();
        metadata["resourceVersion"] = QString::number(++m_resourceVersion);
        app["metadata"] = metadata;
        m_apps.insert(name, app);
        return { 200, QJsonDocument(app).toJson(QJsonDocument::Compact) };
    }
    return { 405, statusBody(405, "MethodNotAllowed", "method not allowed") };
}
