#include "reconcile/compare/tracking.h"

namespace capstan::compare {

using manifest::Node;
using manifest::Object;

namespace {

constexpr std::size_t LabelMaxLength = 63;

bool isLabelEnd(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// A label value must end in an alphanumeric character, so a truncated app
// name drops trailing "-", "_" or ".".
std::string labelValue(std::string_view app)
{
    std::string value(app.substr(0, LabelMaxLength));
    while (!value.empty() && !isLabelEnd(value.back()))
        value.pop_back();
    return value;
}

std::string annotationOrLabel(const Object &object, std::string_view field, std::string_view key)
{
    const Node *value = object.root().at({ "metadata", field, key });
    return value && value->isScalar() ? value->text() : std::string();
}

} // namespace

std::string TrackingId::toString() const
{
    return app + ":" + group + "/" + kind + ":" + ns + "/" + name;
}

TrackingId trackingIdFor(std::string_view app, const Object &object, std::string_view defaultNamespace)
{
    TrackingId id;
    id.app = std::string(app);
    id.group = object.group();
    id.kind = object.kind();
    id.ns = object.ns().empty() ? std::string(defaultNamespace) : object.ns();
    id.name = object.name();
    return id;
}

std::optional<TrackingId> parseTrackingId(std::string_view text)
{
    const std::size_t first = text.find(':');
    if (first == std::string_view::npos)
        return std::nullopt;
    const std::size_t second = text.find(':', first + 1);
    if (second == std::string_view::npos)
        return std::nullopt;
    const std::string_view groupKind = text.substr(first + 1, second - first - 1);
    const std::string_view nsName = text.substr(second + 1);
    const std::size_t slash1 = groupKind.find('/');
    const std::size_t slash2 = nsName.find('/');
    if (slash1 == std::string_view::npos || groupKind.find('/', slash1 + 1) != std::string_view::npos
        || slash2 == std::string_view::npos || nsName.find('/', slash2 + 1) != std::string_view::npos)
        return std::nullopt;
    TrackingId id;
    id.app = std::string(text.substr(0, first));
    id.group = std::string(groupKind.substr(0, slash1));
    id.kind = std::string(groupKind.substr(slash1 + 1));
    id.ns = std::string(nsName.substr(0, slash2));
    id.name = std::string(nsName.substr(slash2 + 1));
    if (id.app.empty() || id.kind.empty() || id.name.empty())
        return std::nullopt;
    return id;
}

void setTracking(Object &object, std::string_view app, TrackingMethod method, std::string_view defaultNamespace)
{
    Node &metadata = object.root()["metadata"];
    if (method != TrackingMethod::Label) {
        metadata["annotations"].set(
            TrackingIdAnnotation, Node::string(trackingIdFor(app, object, defaultNamespace).toString()));
    }
    if (method != TrackingMethod::Annotation)
        metadata["labels"].set(InstanceLabel, Node::string(labelValue(app)));
}

std::string trackedApp(const Object &live, TrackingMethod method)
{
    if (method == TrackingMethod::Label)
        return annotationOrLabel(live, "labels", InstanceLabel);
    const auto id = parseTrackingId(annotationOrLabel(live, "annotations", TrackingIdAnnotation));
    if (!id)
        return {};
    // A namespaced object's id carries its namespace; a cluster-scoped one's
    // may carry the destination namespace, so only a set namespace must agree.
    if (id->group != live.group() || id->kind != live.kind() || id->name != live.name()
        || (!live.ns().empty() && id->ns != live.ns()))
        return {};
    return id->app;
}

} // namespace capstan::compare
