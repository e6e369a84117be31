#pragma once

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>

namespace capstan::demo {

// The demo workspace: the shop from the GitOps seed, four services deployed to
// three environments from one repository of Kustomize overlays and Argo CD
// Applications.

struct Service
{
    QString name;
    int port = 8080;
    int prodReplicas = 3;
};

struct Environment
{
    QString name;      // dev, staging, prod
    bool automated;    // dev and staging sync themselves; prod waits for a person
    int replicas;      // the seed: dev 1, staging 2, prod 3
    QString cpu;       // requests
    QString memory;
};

const QList<Service> &services();
const QList<Environment> &environments();

QString imageRepository(const QString &service);
QString repoUrl();

// Every file of the repository for one set of image tags (service → env → tag),
// keyed by path.
using ImageTags = QMap<QString, QMap<QString, QString>>;
QMap<QString, QByteArray> repositoryFiles(const ImageTags &tags);

// The overlay kustomization of one service in one environment.
QString overlayPath(const QString &service, const QString &env);
QByteArray overlayKustomization(const Service &service, const Environment &env, const QString &tag);

} // namespace capstan::demo
