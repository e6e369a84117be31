#pragma once

// An Argo CD namespace on the fake Kubernetes API server: discovery for argoproj.io/v1alpha1,
// the Applications of data/application_list.json, which GET and LIST read and PUT
// replaces, as the API server does for a custom resource without a status subresource,
// and the AppProjects of data/appproject_list.json (read only).

#include "../kube/kube_fixture.h"

#include <QJsonObject>
#include <QMap>
#include <QMutex>

#include <memory>
#include <optional>

struct ArgoFixture
{
    static constexpr const char *collection = "/apis/argoproj.io/v1alpha1/namespaces/argocd/applications";
    static constexpr const char *projects = "/apis/argoproj.io/v1alpha1/namespaces/argocd/appprojects";

    KubeFixture kube;
    std::unique_ptr<capstan::kube::KubeCluster> cluster;

    // Starts the server and opens the cluster; false when the test PKI cannot be made.
    bool start();
    // Puts the Applications back as the data file has them, forgets requests and failures.
    void reset();
    // Answers every PUT with `response` from now on (a 403, 409 or 422 Status).
    void failWrites(const CannedResponse &response);
    // Answers reads of AppProjects with 403, as for a user whose Role leaves them out.
    void forbidProjects();
    // A watch of the Applications streams these lines (watch events) and then stays open.
    void streamWatchEvents(const QList<QByteArray> &lines);
    QJsonObject application(const QString &name) const;
    // Adds or replaces an Application, as Argo CD's controller writes one (the test plays it).
    void putApplication(const QJsonObject &application);
    // The requests with this method to the Applications (discovery left out).
    QList<RecordedRequest> requests(const QByteArray &method) const;

private:
    CannedResponse answer(const RecordedRequest &request);

    mutable QMutex m_mutex;
    CannedResponse answerProjects(const RecordedRequest &request) const;

    QMap<QString, QJsonObject> m_apps;
    QMap<QString, QJsonObject> m_projects;
    bool m_projectsForbidden = false;
    QList<QByteArray> m_watchLines;
    std::optional<CannedResponse> m_writeFailure;
    int m_resourceVersion = 50000;
};

QByteArray argoTestData(const QString &name);

// A recorded request's JSON body (const: chained operator[] needs the const overloads).
const QJsonObject bodyOf(const RecordedRequest &r);
// The value of an operation's info entry `name` ("" when there is none).
QString infoValue(const QJsonObject &operation, const QString &name);
