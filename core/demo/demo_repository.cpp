#include "demo/demo_repository.h"

#include "demo/demo_catalog.h"
#include "git/repository.h"

#include <QDir>

namespace capstan::demo {

namespace {

struct Person
{
    const char *name;
    const char *email;
};

const Person kAlice{"Alice Moreau", "alice.moreau@acme.example"}; // platform engineer
const Person kRavi{"Ravi Iyer", "ravi.iyer@acme.example"};       // release manager
const Person kJonas{"Jonas Berg", "jonas.berg@acme.example"};    // on call
const Person kCi{"shop-ci", "ci@acme.example"};

enum class Step { Bump, Promote, Release, RevertPrevious };

// One change in the repository's history, days and minutes before now.
struct Event
{
    int daysAgo;
    int minuteOfDay;
    Person who;
    Step step;
    const char *service;
    const char *tag;
};

// clang-format off
const Event kHistory[] = {
    {13, 11 * 60 + 12, kCi,    Step::Bump,    "order-service",     "3f2a9c1"},
    {13, 15 * 60 + 40, kAlice, Step::Promote, "order-service",     "3f2a9c1"},
    {12,  9 * 60 + 30, kRavi,  Step::Release, "order-service",     "v1.1.0"},
    {11, 14 * 60 +  5, kCi,    Step::Bump,    "frontend",          "9c4d1e7"},
    {10, 10 * 60 + 20, kAlice, Step::Promote, "frontend",          "9c4d1e7"},
    { 9,  9 * 60 + 15, kRavi,  Step::Release, "frontend",          "v2.4.0"},
    { 8, 16 * 60 + 50, kCi,    Step::Bump,    "payment-service",   "a81f0b3"},
    { 7, 11 * 60 +  0, kCi,    Step::Bump,    "inventory-service", "c02e5d8"},
    { 7, 13 * 60 + 30, kAlice, Step::Promote, "payment-service",   "a81f0b3"},
    { 6, 10 * 60 + 10, kCi,    Step::Bump,    "order-service",     "5e6b7a2"},
    { 6, 14 * 60 + 45, kAlice, Step::Promote, "order-service",     "5e6b7a2"},
    { 5,  9 * 60 +  5, kRavi,  Step::Release, "order-service",     "v1.2.0"},
    { 5,  9 * 60 + 41, kJonas, Step::RevertPrevious, "order-service", nullptr},
    { 3, 11 * 60 + 30, kCi,    Step::Bump,    "order-service",     "7d9e3f4"},
    { 2, 10 * 60 +  0, kAlice, Step::Promote, "order-service",     "7d9e3f4"},
    { 2, 15 * 60 + 20, kCi,    Step::Bump,    "inventory-service", "e41a9b6"},
    { 1,  9 * 60 + 30, kRavi,  Step::Release, "order-service",     "v1.2.1"},
};
// clang-format on

const char kBrokenImage[] = "order-service:v1.2.0";

ImageTags initialTags()
{
    const QMap<QString, QString> first = {{QStringLiteral("frontend"), QStringLiteral("v2.3.0")},
                                          {QStringLiteral("order-service"), QStringLiteral("v1.0.0")},
                                          {QStringLiteral("payment-service"), QStringLiteral("v3.1.2")},
                                          {QStringLiteral("inventory-service"), QStringLiteral("v0.9.4")}};
    ImageTags tags;
    for (const Service &s : services())
        for (const Environment &e : environments())
            tags[s.name][e.name] = first.value(s.name);
    return tags;
}

git::Signature signature(const Person &p, const QDateTime &when)
{
    return git::Signature{QString::fromUtf8(p.name), QString::fromUtf8(p.email), when};
}

const Service &serviceNamed(const QString &name)
{
    for (const Service &s : services())
        if (s.name == name)
            return s;
    Q_UNREACHABLE();
}

const Environment &environmentNamed(const QString &name)
{
    for (const Environment &e : environments())
        if (e.name == name)
            return e;
    Q_UNREACHABLE();
}

QString messageFor(const Event &event)
{
    const QString service = QString::fromUtf8(event.service);
    const QString tag = QString::fromUtf8(event.tag);
    switch (event.step) {
    case Step::Bump:
        return QStringLiteral("ci: update %1 image to %2 in dev\n\nBuilt from %2 on main by the shop pipeline.\n")
            .arg(service, tag);
    case Step::Promote:
        return QStringLiteral("promote: %1 %2 to staging\n").arg(service, tag);
    case Step::Release:
        return QStringLiteral("release: %1 %2 to production\n").arg(service, tag);
    case Step::RevertPrevious:
        break;
    }
    return {};
}

QString environmentOf(Step step)
{
    switch (step) {
    case Step::Bump:
        return QStringLiteral("dev");
    case Step::Promote:
        return QStringLiteral("staging");
    case Step::Release:
    case Step::RevertPrevious:
        break;
    }
    return QStringLiteral("prod");
}

} // namespace

Result<DemoRepository> createDemoRepository(const QString &dir, const QDateTime &now)
{
    QDir target(dir);
    if (target.exists() && !target.isEmpty())
        return makeError("the folder is not empty; the demo repository needs an empty or new folder",
                         dir.toStdString());
    if (!QDir().mkpath(dir))
        return makeError("cannot create the folder", dir.toStdString());

    auto repo = git::Repository::init(dir);
    if (!repo)
        return repo.error();

    const QDateTime day0 = now.toUTC().addDays(-14);
    auto at = [&](int daysAgo, int minuteOfDay) {
        QDateTime t = now.toUTC().addDays(-daysAgo);
        t.setTime(QTime(0, 0).addSecs(minuteOfDay * 60));
        return t;
    };

    ImageTags tags = initialTags();
    QStringList known;
    for (const Service &s : services())
        known << imageRepository(s.name) + QLatin1Char(':') + tags[s.name][QStringLiteral("dev")];

    QList<git::FileChange> bootstrap;
    const QMap<QString, QByteArray> files = repositoryFiles(tags);
    for (auto it = files.cbegin(); it != files.cend(); ++it)
        bootstrap.append(git::FileChange{it.key(), it.value()});
    QDateTime bootstrapTime = day0;
    bootstrapTime.setTime(QTime(10, 0));
    auto first = repo->commit(QStringLiteral("main"), bootstrap,
                              QStringLiteral("chore: bootstrap the shop's GitOps repository\n\n"
                                             "Bases for four services, overlays for dev, staging and prod,\n"
                                             "Argo CD Applications (app-of-apps) and the platform project.\n"),
                              signature(kAlice, bootstrapTime));
    if (!first)
        return first.error();

    DemoRepository result;
    QString previous = *first;
    QString beforeLast = *first;
    for (const Event &event : kHistory) {
        const QDateTime when = at(event.daysAgo, event.minuteOfDay);
        Result<QString> commit = QString();
        if (event.step == Step::RevertPrevious) {
            commit = repo->revert(previous, QStringLiteral("main"), {}, signature(event.who, when));
            // The revert restores the previous production tag.
            const auto reverted = repo->readFile(QStringLiteral("HEAD"), overlayPath(QString::fromUtf8(event.service),
                                                                                       QStringLiteral("prod")) +
                                                                           QStringLiteral("/kustomization.yaml"));
            if (commit && reverted) {
                const QString text = QString::fromUtf8(*reverted);
                const auto tagAt = text.indexOf(QLatin1String("newTag: "));
                tags[QString::fromUtf8(event.service)][QStringLiteral("prod")] =
                    text.mid(tagAt + 8).section(QLatin1Char('\n'), 0, 0).trimmed();
            }
        } else {
            const QString service = QString::fromUtf8(event.service);
            const QString env = environmentOf(event.step);
            const QString tag = QString::fromUtf8(event.tag);
            tags[service][env] = tag;
            known << imageRepository(service) + QLatin1Char(':') + tag;
            const QByteArray overlay = overlayKustomization(serviceNamed(service), environmentNamed(env), tag);
            commit = repo->commit(QStringLiteral("main"),
                                  {git::FileChange{overlayPath(service, env) + QStringLiteral("/kustomization.yaml"),
                                                   overlay}},
                                  messageFor(event), signature(event.who, when));
        }
        if (!commit)
            return commit.error();
        beforeLast = previous;
        previous = *commit;
    }

    known.removeDuplicates();
    result.path = QDir(dir).absolutePath();
    result.knownImages = known;
    result.brokenImages = {QStringLiteral("registry.acme.example/shop/") + QString::fromLatin1(kBrokenImage)};
    result.prodRevision = beforeLast;
    result.headRevision = previous;
    return result;
}

} // namespace capstan::demo
