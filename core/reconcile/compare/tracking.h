#pragma once

#include "manifest/object.h"

#include <optional>
#include <string>
#include <string_view>

namespace capstan::compare {

// How live objects are tied to the Application that manages them (Argo CD's
// `application.resourceTrackingMethod`).
enum class TrackingMethod { Annotation, Label, AnnotationAndLabel };

inline constexpr std::string_view TrackingIdAnnotation = "argocd.argoproj.io/tracking-id";
inline constexpr std::string_view InstanceLabel = "app.kubernetes.io/instance";

// The parts of a tracking id, "<app>:<group>/<Kind>:<namespace>/<name>".
struct TrackingId
{
    std::string app;
    std::string group;
    std::string kind;
    std::string ns;
    std::string name;

    std::string toString() const;
    bool operator==(const TrackingId &) const = default;
};

// The tracking id of an object for an app. An object without a namespace gets
// defaultNamespace (the Application's destination namespace; pass "" for a
// cluster-scoped object), as Argo CD does.
TrackingId trackingIdFor(std::string_view app, const manifest::Object &object, std::string_view defaultNamespace = {});

// Parses "<app>:<group>/<Kind>:<namespace>/<name>"; nullopt when malformed.
std::optional<TrackingId> parseTrackingId(std::string_view text);

// Marks a desired object as the app's: the tracking-id annotation and/or the
// instance label (the label value is the app name, cut to 63 characters).
void setTracking(
    manifest::Object &object, std::string_view app, TrackingMethod method, std::string_view defaultNamespace = {});

// The app a live object is tracked by, or "" when none. With annotations, an
// id that names a different object (one copied from elsewhere) does not count.
std::string trackedApp(const manifest::Object &live, TrackingMethod method);

inline bool belongsToApp(const manifest::Object &live, std::string_view app, TrackingMethod method)
{
    return !app.empty() && trackedApp(live, method) == app;
}

} // namespace capstan::compare
