#include "remote/tokenstore.h"

#include <qt6keychain/keychain.h>

namespace capstan::ui {

namespace {

const QString kService = QStringLiteral("Capstan Git access tokens");

} // namespace

TokenStore::TokenStore(QObject *parent)
    : QObject(parent)
{
}

void TokenStore::load(const QString &key)
{
    auto *job = new QKeychain::ReadPasswordJob(kService, this);
    job->setAutoDelete(true);
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, this, [this, key](QKeychain::Job *done) {
        if (done->error() == QKeychain::NoError)
            Q_EMIT loaded(key, static_cast<QKeychain::ReadPasswordJob *>(done)->textData());
        else if (done->error() == QKeychain::EntryNotFound)
            Q_EMIT loaded(key, QString());
        else
            Q_EMIT failed(key, done->errorString());
    });
    job->start();
}

void TokenStore::save(const QString &key, const QString &token)
{
    auto *job = new QKeychain::WritePasswordJob(kService, this);
    job->setAutoDelete(true);
    job->setKey(key);
    job->setTextData(token);
    connect(job, &QKeychain::Job::finished, this, [this, key](QKeychain::Job *done) {
        if (done->error() == QKeychain::NoError)
            Q_EMIT saved(key);
        else
            Q_EMIT failed(key, done->errorString());
    });
    job->start();
}

void TokenStore::remove(const QString &key)
{
    auto *job = new QKeychain::DeletePasswordJob(kService, this);
    job->setAutoDelete(true);
    job->setKey(key);
    job->start();
}

} // namespace capstan::ui
