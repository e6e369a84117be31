#pragma once

#include "cluster/api_result.h"
#include "kube/transport_p.h"

#include <string>

namespace capstan::kube::detail {

// What a request was for, so an error can say it in words.
struct RequestSubject
{
    std::string verb; // get, list, patch, delete, watch
    std::string resource; // "deployments.apps \"web\" in namespace \"prod\""
    std::string where; // ResourceKey::toString(), the ApiError's `where`
    std::string server; // the API server URL
};

// Turns a failed response into an ApiError: the Status body's reason and message where the
// server sent one, the HTTP status otherwise; network and TLS failures name the server.
// Returns nullopt for a 2xx response.
std::optional<cluster::ApiError> toApiError(const HttpResponse &response, const RequestSubject &subject);

} // namespace capstan::kube::detail
