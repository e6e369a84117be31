// HorizontalPodAutoscaler. Its conditions say whether it can scale:
// autoscaling/v1 has no conditions field and keeps them as JSON in an
// annotation; autoscaling/v2 has status.conditions.

#include "reconcile/health/checks_p.h"
#include "reconcile/health/fields_p.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QString>

#include <algorithm>
#include <array>
#include <utility>
#include <vector>

namespace capstan::health::detail {

namespace {

constexpr std::string_view ConditionsAnnotation = "autoscaling.alpha.kubernetes.io/conditions";

struct HpaCondition
{
    std::string type;
    std::string reason;
    std::string message;
    std::string status;
};

Health waitingToAutoscale()
{
    return Health { HealthStatus::Progressing, "Waiting to Autoscale" };
}

// A condition that says the autoscaler cannot work, whatever its status.
bool isDegraded(const HpaCondition &c)
{
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 8> Failures = { {
        { "AbleToScale", "FailedGetScale" },
        { "AbleToScale", "FailedUpdateScale" },
        { "ScalingActive", "FailedGetResourceMetric" },
        { "ScalingActive", "FailedGetObjectMetric" },
        { "ScalingActive", "FailedGetPodsMetric" },
        { "ScalingActive", "FailedGetExternalMetric" },
        { "ScalingActive", "FailedComputeMetricsReplicas" },
        { "ScalingActive", "InvalidSelector" },
    } };
    return std::any_of(
        Failures.begin(), Failures.end(), [&](const auto &f) { return c.type == f.first && c.reason == f.second; });
}

bool isHealthy(const HpaCondition &c)
{
    return (c.type == "AbleToScale" || c.type == "ScalingLimited") && c.status == "True";
}

// Any failure wins over any healthy condition, wherever it is in the list.
Health fromConditions(const std::vector<HpaCondition> &conditions)
{
    for (const HpaCondition &c : conditions)
        if (isDegraded(c))
            return Health { HealthStatus::Degraded, c.message };
    for (const HpaCondition &c : conditions)
        if (isHealthy(c))
            return Health { HealthStatus::Healthy, c.message };
    return waitingToAutoscale();
}

// JSON object keys as Go's encoding/json matches them to struct fields: case-insensitively.
std::string jsonField(const QJsonObject &object, const QString &field)
{
    for (auto it = object.begin(); it != object.end(); ++it)
        if (it.key().compare(field, Qt::CaseInsensitive) == 0)
            return it.value().toString().toStdString();
    return {};
}

Health v1Health(const manifest::Node &root)
{
    const std::optional<std::string> annotationText = annotation(root, ConditionsAnnotation);
    if (!annotationText)
        return waitingToAutoscale();
    const QByteArray json = QByteArray::fromStdString(*annotationText).trimmed();
    if (json == "null")
        return waitingToAutoscale();
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !document.isArray())
        return Health { HealthStatus::Unknown,
            "the " + std::string(ConditionsAnnotation) + " annotation is not a JSON list of conditions"
                + (error.error != QJsonParseError::NoError
                        ? ": " + error.errorString().toStdString() + " at offset " + std::to_string(error.offset)
                        : std::string()) };
    std::vector<HpaCondition> conditions;
    for (const QJsonValue &value : document.array()) {
        const QJsonObject o = value.toObject();
        conditions.push_back({ jsonField(o, QStringLiteral("type")), jsonField(o, QStringLiteral("reason")),
            jsonField(o, QStringLiteral("message")), jsonField(o, QStringLiteral("status")) });
    }
    return fromConditions(conditions);
}

Health v2Health(const manifest::Node &root)
{
    std::vector<HpaCondition> conditions;
    for (const manifest::Node &c : items(root, { "status", "conditions" }))
        conditions.push_back(
            { c.textAt({ "type" }), c.textAt({ "reason" }), c.textAt({ "message" }), c.textAt({ "status" }) });
    return fromConditions(conditions);
}

} // namespace

Health hpaHealth(const manifest::Object &live)
{
    std::string group, version;
    manifest::splitApiVersion(live.apiVersion(), group, version);
    return version == "v1" ? v1Health(live.root()) : v2Health(live.root());
}

} // namespace capstan::health::detail
