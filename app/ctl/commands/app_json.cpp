#include "ctl/commands/app_json.h"

#include "ctl/commands/output.h"

#include <QJsonArray>

namespace capstan::ctl {

namespace {

QJsonArray strings(const std::vector<std::string> &values)
{
    QJsonArray array;
    for (const std::string &v : values)
        array.append(qs(v));
    return array;
}

QJsonObject toJson(const manifest::ResourceId &id)
{
    return { { QStringLiteral("group"), qs(id.group) }, { QStringLiteral("version"), qs(id.version) },
        { QStringLiteral("kind"), qs(id.kind) }, { QStringLiteral("namespace"), qs(id.ns) },
        { QStringLiteral("name"), qs(id.name) } };
}

} // namespace

QString syncPolicyText(const engine::AppState &app)
{
    if (!app.automated)
        return QStringLiteral("Manual");
    QStringList parts;
    if (app.prune)
        parts << QStringLiteral("Prune");
    if (app.selfHeal)
        parts << QStringLiteral("SelfHeal");
    return parts.isEmpty() ? QStringLiteral("Automated")
                           : QStringLiteral("Automated (%1)").arg(parts.join(QLatin1String(", ")));
}

QString healthText(const engine::AppState &app)
{
    const QString status = qs(health::toString(app.health));
    return app.healthMessage.empty() ? status : QStringLiteral("%1 (%2)").arg(status, qs(app.healthMessage));
}

QString healthText(const std::optional<health::Health> &health)
{
    return health ? qs(health::toString(health->status)) : QStringLiteral("-");
}

QString approvalText(const engine::AppState &app)
{
    if (!app.requiresApproval)
        return QStringLiteral("not required");
    const int people = std::max(1, app.requiredApprovers);
    return QStringLiteral("an approval note and %1 approver%2 for a manual sync")
        .arg(people)
        .arg(people == 1 ? QString() : QStringLiteral("s"));
}

QJsonObject toJson(const argo::Condition &condition)
{
    return { { QStringLiteral("type"), qs(argo::conditionTypeName(condition.type)) },
        { QStringLiteral("message"), qs(condition.message) }, { QStringLiteral("where"), qs(condition.where) },
        { QStringLiteral("error"), argo::isErrorCondition(condition.type) } };
}

QJsonObject toJson(const engine::AppState &app)
{
    QJsonArray conditions;
    for (const argo::Condition &c : app.conditions)
        conditions.append(toJson(c));
    QJsonArray resources;
    for (const engine::ResourceState &r : app.resources) {
        QJsonObject resource = toJson(r.id);
        resource.insert(QStringLiteral("status"), QString::fromLatin1(compare::toString(r.status)));
        if (r.health)
            resource.insert(QStringLiteral("health"),
                QJsonObject { { QStringLiteral("status"), qs(health::toString(r.health->status)) },
                    { QStringLiteral("message"), qs(r.health->message) } });
        resources.append(resource);
    }
    QJsonObject labels;
    for (const auto &[key, value] : app.labels)
        labels.insert(qs(key), qs(value));
    QJsonObject window { { QStringLiteral("state"), qs(argo::syncWindowStateName(app.window.state)) },
        { QStringLiteral("description"), qs(app.windowDescription) } };
    if (app.window.nextChange.isValid()) {
        window.insert(QStringLiteral("nextChange"), app.window.nextChange.toUTC().toString(Qt::ISODate));
        window.insert(QStringLiteral("nextState"), qs(argo::syncWindowStateName(app.window.nextState)));
    }
    return {
        { QStringLiteral("name"), qs(app.name) },
        { QStringLiteral("project"), qs(app.project) },
        { QStringLiteral("definedIn"), qs(app.file) },
        { QStringLiteral("parent"), qs(app.parent) },
        { QStringLiteral("children"), strings(app.children) },
        { QStringLiteral("labels"), labels },
        { QStringLiteral("source"),
            QJsonObject { { QStringLiteral("repoURL"), qs(app.repoURL) }, { QStringLiteral("path"), qs(app.path) },
                { QStringLiteral("targetRevision"), qs(app.targetRevision) } } },
        { QStringLiteral("revision"), qs(app.revision) },
        { QStringLiteral("revisionSummary"), qs(app.revisionSummary) },
        { QStringLiteral("destination"),
            QJsonObject { { QStringLiteral("server"), qs(app.destinationServer) },
                { QStringLiteral("namespace"), qs(app.destinationNamespace) } } },
        { QStringLiteral("syncPolicy"),
            QJsonObject { { QStringLiteral("automated"), app.automated }, { QStringLiteral("prune"), app.prune },
                { QStringLiteral("selfHeal"), app.selfHeal } } },
        { QStringLiteral("sync"), QString::fromLatin1(compare::toString(app.sync)) },
        { QStringLiteral("health"),
            QJsonObject { { QStringLiteral("status"), qs(health::toString(app.health)) },
                { QStringLiteral("message"), qs(app.healthMessage) } } },
        { QStringLiteral("conditions"), conditions },
        { QStringLiteral("resources"), resources },
        { QStringLiteral("images"), strings(app.images) },
        { QStringLiteral("syncWindow"), window },
        { QStringLiteral("approval"),
            QJsonObject { { QStringLiteral("required"), app.requiresApproval },
                { QStringLiteral("approvers"), app.requiredApprovers } } },
        { QStringLiteral("warnings"), strings(app.warnings) },
    };
}

QJsonObject toJson(const history::HistoryEntry &entry)
{
    const history::Operation &op = entry.operation;
    QJsonObject json {
        { QStringLiteral("id"), qint64(op.id) },
        { QStringLiteral("kind"), QString::fromLatin1(history::toString(op.kind)) },
        { QStringLiteral("revision"), qs(op.revision) },
        { QStringLiteral("sourcePath"), qs(op.sourcePath) },
        { QStringLiteral("deployedAt"), op.finishedAt.toUTC().toString(Qt::ISODate) },
        { QStringLiteral("startedAt"), op.startedAt.toUTC().toString(Qt::ISODate) },
        { QStringLiteral("initiatedBy"), qs(op.initiatedBy) },
        { QStringLiteral("approvalNote"), qs(op.approvalNote) },
        { QStringLiteral("approvers"), strings(op.approvers) },
        { QStringLiteral("prune"), op.prune },
        { QStringLiteral("result"), QString::fromLatin1(history::toString(op.phase)) },
        { QStringLiteral("message"), qs(op.message) },
    };
    QJsonArray resources;
    for (const history::ResourceResult &r : op.resources) {
        QJsonObject resource = toJson(r.resource);
        resource.insert(QStringLiteral("status"), QString::fromLatin1(history::toString(r.status)));
        resource.insert(QStringLiteral("message"), qs(r.message));
        resources.append(resource);
    }
    json.insert(QStringLiteral("resources"), resources);
    if (entry.badMark)
        json.insert(QStringLiteral("bad"),
            QJsonObject { { QStringLiteral("reason"), qs(entry.badMark->reason) },
                { QStringLiteral("markedBy"), qs(entry.badMark->markedBy) },
                { QStringLiteral("markedAt"), entry.badMark->markedAt.toUTC().toString(Qt::ISODate) } });
    return json;
}

QStringList appListHeaders()
{
    return { QStringLiteral("NAME"), QStringLiteral("PROJECT"), QStringLiteral("SYNC"), QStringLiteral("HEALTH"),
        QStringLiteral("SYNCPOLICY") };
}

QStringList appListRow(const engine::AppState &app)
{
    return { QString::fromStdString(app.name), QString::fromStdString(app.project),
        QString::fromLatin1(compare::toString(app.sync)), QString::fromStdString(std::string(health::toString(app.health))),
        syncPolicyText(app) };
}

} // namespace capstan::ctl
