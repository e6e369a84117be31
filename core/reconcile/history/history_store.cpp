#include "reconcile/history/history_store.h"

#include "reconcile/history/connection_p.h"
#include "reconcile/history/schema_p.h"

namespace capstan::history {

capstan::Result<HistoryStore> HistoryStore::open(const std::string &path)
{
    auto connection = detail::Connection::open(path);
    if (!connection)
        return connection.error();
    if (auto r = detail::migrate(**connection); !r)
        return r.error();
    return HistoryStore(std::move(*connection));
}

HistoryStore::HistoryStore(std::unique_ptr<detail::Connection> connection)
    : m_db(std::move(connection))
{
}

HistoryStore::HistoryStore(HistoryStore &&) noexcept = default;
HistoryStore &HistoryStore::operator=(HistoryStore &&) noexcept = default;
HistoryStore::~HistoryStore() = default;

const std::string &HistoryStore::path() const
{
    return m_db->path();
}

} // namespace capstan::history
