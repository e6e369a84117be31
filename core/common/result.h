#pragma once

#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <variant>

namespace capstan {

// What went wrong, in words a user can act on. `where` is "file:line:col" (or a
// path, an object's identity) when there is one, and is printed first.
struct Error
{
    std::string message;
    std::string where;

    std::string toString() const { return where.empty() ? message : where + ": " + message; }
};

inline Error makeError(std::string message, std::string where = {})
{
    return Error{std::move(message), std::move(where)};
}

// An expected<T, E>-style result: either a value or an error. E is Error or
// a kind of it that carries more (cluster::ApiError has a code a caller can
// branch on); either way `return r.error();` works in a function returning a
// plain Result<U>.
template<typename T, typename E = Error>
class [[nodiscard]] Result
{
    static_assert(std::is_base_of_v<Error, E>, "a result's error is a capstan::Error");

public:
    Result(T value) : m_data(std::in_place_index<0>, std::move(value)) {}
    Result(E error) : m_data(std::in_place_index<1>, std::move(error)) {}

    bool ok() const { return m_data.index() == 0; }
    explicit operator bool() const { return ok(); }

    T &value() & { return std::get<0>(m_data); }
    const T &value() const & { return std::get<0>(m_data); }
    T &&value() && { return std::get<0>(std::move(m_data)); }
    T &operator*() & { return value(); }
    const T &operator*() const & { return value(); }
    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }

    const E &error() const { return std::get<1>(m_data); }
    // The error's code, for errors that carry one.
    auto code() const requires requires(const E &e) { e.code; } { return error().code; }

    // Hands the outcome on as a plain Result (what E adds to Error is dropped).
    Result<T> toResult() && requires(!std::is_same_v<E, Error>)
    {
        if (ok())
            return std::move(*this).value();
        return static_cast<const Error &>(error());
    }

private:
    std::variant<T, E> m_data;
};

// A result that carries no value.
template<typename E>
class [[nodiscard]] Result<void, E>
{
    static_assert(std::is_base_of_v<Error, E>, "a result's error is a capstan::Error");

public:
    Result() = default;
    Result(E error) : m_error(std::move(error)) {}

    bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    // An empty error for a result that is ok.
    const E &error() const
    {
        static const E none {};
        return m_error ? *m_error : none;
    }
    auto code() const requires requires(const E &e) { e.code; } { return error().code; }

private:
    // Empty for success: recursive walks pass a Result<void> up every level,
    // and an empty optional costs a flag, not two strings.
    std::optional<E> m_error;
};

} // namespace capstan
