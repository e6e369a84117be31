#pragma once

#include "common/result.h"

#include <string>
#include <utility>
#include <variant>

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

// The result of a cluster call: a value or an ApiError. error() is-a capstan::Error,
// so `return r.error();` works in a function returning capstan::Result<U>.
template<typename T> class [[nodiscard]] ApiResult
{
public:
    ApiResult(T value)
        : m_data(std::in_place_index<0>, std::move(value))
    {
    }
    ApiResult(ApiError error)
        : m_data(std::in_place_index<1>, std::move(error))
    {
    }

    bool ok() const { return m_data.index() == 0; }
    explicit operator bool() const { return ok(); }

    T &value() & { return std::get<0>(m_data); }
    const T &value() const & { return std::get<0>(m_data); }
    T &&value() && { return std::get<0>(std::move(m_data)); }
    T &operator*() & { return value(); }
    const T &operator*() const & { return value(); }
    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }

    const ApiError &error() const { return std::get<1>(m_data); }
    ErrorCode code() const { return error().code; }

    // Hands the outcome on as a plain capstan::Result (the code is dropped).
    capstan::Result<T> toResult() &&
    {
        if (ok())
            return std::move(*this).value();
        return static_cast<const capstan::Error &>(error());
    }

private:
    std::variant<T, ApiError> m_data;
};

template<> class [[nodiscard]] ApiResult<void>
{
public:
    ApiResult() = default;
    ApiResult(ApiError error)
        : m_error(std::move(error))
        , m_failed(true)
    {
    }

    bool ok() const { return !m_failed; }
    explicit operator bool() const { return ok(); }
    const ApiError &error() const { return m_error; }
    ErrorCode code() const { return m_error.code; }

private:
    ApiError m_error;
    bool m_failed = false;
};

} // namespace capstan::cluster
