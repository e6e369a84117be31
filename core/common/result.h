#pragma once

#include <string>
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

// An expected<T, Error>-style result: either a value or an Error.
template<typename T>
class [[nodiscard]] Result
{
public:
    Result(T value) : m_data(std::in_place_index<0>, std::move(value)) {}
    Result(Error error) : m_data(std::in_place_index<1>, std::move(error)) {}

    bool ok() const { return m_data.index() == 0; }
    explicit operator bool() const { return ok(); }

    T &value() & { return std::get<0>(m_data); }
    const T &value() const & { return std::get<0>(m_data); }
    T &&value() && { return std::get<0>(std::move(m_data)); }
    T &operator*() & { return value(); }
    const T &operator*() const & { return value(); }
    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }

    const Error &error() const { return std::get<1>(m_data); }

private:
    std::variant<T, Error> m_data;
};

// A result that carries no value.
template<>
class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(Error error) : m_error(std::move(error)), m_failed(true) {}

    bool ok() const { return !m_failed; }
    explicit operator bool() const { return ok(); }
    const Error &error() const { return m_error; }

private:
    Error m_error;
    bool m_failed = false;
};

} // namespace capstan
