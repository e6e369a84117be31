#pragma once

#include "common/result.h"

#include <string>
#include <utility>

namespace capstan::cluster {

// The kind of failure an API server reports, as Kubernetes' status reasons name them.
enum class ErrorCode {
    NotFound, // 404: the object, its namespace or its kind does not exist
    AlreadyExists, // 409: create of an object that exists
    Conflict, // 409: field-manager conflict, or a stale resourceVersion
    Invalid, // 422: the object fails validation (missing name, immutable field, ...)
    Forbidden, // 403: not allowed (a terminating namespace, a protected object, RBAC)
    Unavailable, // the cluster cannot be reached or its storage failed
};

// A capstan::Error with a code a caller can branch on. `where` is the object's identity.
struct ApiError : capstan::Error
{
    ErrorCode code = ErrorCode::Unavailable;

    ApiError() = default;
    ApiError(ErrorCode c, std::string message, std::string where = {})
        : capstan::Error { std::move(message), std::move(where) }
        , code(c)
    {
    }
};

const char *toString(ErrorCode code);

// The result of a cluster call: a value or an ApiError (code() branches on it).
template<typename T> using ApiResult = capstan::Result<T, ApiError>;

} // namespace capstan::cluster
