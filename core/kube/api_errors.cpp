#include "kube/api_errors_p.h"

#include "cluster/json_codec_p.h"

namespace capstan::kube::detail {

using cluster::ApiError;
using cluster::ErrorCode;

namespace {

ErrorCode codeFor(const std::string &reason, int status)
{
    if (reason == "NotFound")
        return ErrorCode::NotFound;
    if (reason == "AlreadyExists")
        return ErrorCode::AlreadyExists;
    if (reason == "Conflict")
        return ErrorCode::Conflict;
    if (reason == "Invalid" || reason == "BadRequest")
        return ErrorCode::Invalid;
    if (reason == "Forbidden" || reason == "Unauthorized")
        return ErrorCode::Forbidden;
    switch (status) {
    case 404:
        return ErrorCode::NotFound;
    case 409:
    case 410: // Gone: a resourceVersion too old
        return ErrorCode::Conflict;
    case 400:
    case 415:
    case 422:
        return ErrorCode::Invalid;
    case 401:
    case 403:
    case 405:
        return ErrorCode::Forbidden;
    default:
        return ErrorCode::Unavailable; // 429, 5xx
    }
}

} // namespace

std::optional<ApiError> toApiError(const HttpResponse &response, const RequestSubject &subject)
{
    if (response.status >= 200 && response.status < 300)
        return std::nullopt;
    const std::string what = subject.verb + " " + subject.resource;
    if (response.status == 0) {
        std::string message;
        if (response.timedOut)
            message = "the API server " + subject.server + " did not answer in time (" + what + ")";
        else if (response.tlsFailed)
            message = "TLS connection to " + subject.server + " failed: "
                + (response.sslErrors.isEmpty() ? response.networkError : response.sslErrors.join("; ")).toStdString();
        else
            message = "cannot reach the API server " + subject.server + " (" + what
                + "): " + response.networkError.toStdString();
        return ApiError(ErrorCode::Unavailable, message, subject.where);
    }

    std::string reason;
    std::string serverMessage;
    if (auto status = cluster::detail::fromJson(response.body.toStdString());
        status && status->isMap() && status->textAt({ "kind" }) == "Status") {
        reason = status->textAt({ "reason" });
        serverMessage = status->textAt({ "message" });
    } else {
        serverMessage = response.body.left(500).trimmed().toStdString();
    }
    const ErrorCode code = codeFor(reason, response.status);
    const std::string httpStatus = " (HTTP " + std::to_string(response.status) + ")";
    std::string message;
    if (response.status == 401)
        message = "the API server " + subject.server + " did not accept the credentials to " + what + httpStatus;
    else if (response.status == 403)
        message = "not allowed to " + what + httpStatus;
    else
        message = serverMessage.empty() ? what + " failed" + httpStatus : serverMessage;
    // 401/403 keep the server's words too: they name the user and the missing permission.
    if ((response.status == 401 || response.status == 403) && !serverMessage.empty())
        message += ": " + serverMessage;
    return ApiError(code, message, subject.where);
}

} // namespace capstan::kube::detail
