#include "cluster/sandbox_core_p.h"

#include "cluster/builtin_kinds_p.h"
#include "cluster/defaults_p.h"
#include "cluster/json_codec_p.h"
#include "cluster/time_p.h"

#include <random>

namespace capstan::cluster::detail {

namespace {

std::string newUid()
{
    static thread_local std::mt19937_64 rng { std::random_device {}() };
    const std::uint64_t a = rng(), b = rng();
    char buf[40];
    std::snprintf(buf, sizeof buf, "%08x-%04x-4%03x-%04x-%012llx", static_cast<unsigned>(a >> 32),
        static_cast<unsigned>((a >> 16) & 0xffff), static_cast<unsigned>(a & 0xfff),
        static_cast<unsigned>(0x8000 | ((b >> 48) & 0x3fff)), static_cast<unsigned long long>(b & 0xffffffffffffULL));
    return buf;
}

// Whether anything but metadata and status differs: what bumps metadata.generation.
bool sameContent(const Node &a, const Node &b)
{
    auto count = [](const Node &n) {
        std::size_t c = 0;
        for (const auto &e : n.entries())
            if (e.key != "metadata" && e.key != "status")
                ++c;
        return c;
    };
    if (count(a) != count(b))
        return false;
    for (const auto &e : a.entries()) {
        if (e.key == "metadata" || e.key == "status")
            continue;
        const Node *o = b.find(e.key);
        if (!o || !(*o == e.value))
            return false;
    }
    return true;
}

std::vector<std::string> ownerUids(const Node &root)
{
    std::vector<std::string> out;
    if (const Node *refs = root.at({ "metadata", "ownerReferences" }))
        for (const Node &ref : refs->items())
            out.push_back(ref.textAt({ "uid" }));
    return out;
}

std::string jsonOrEmptyMap(const Node *n)
{
    return n && n->isMap() ? toJson(*n) : std::string("{}");
}

} // namespace

ApiResult<Object> decode(const std::string &json)
{
    auto node = fromJson(json);
    if (!node)
        return ApiError(ErrorCode::Unavailable, node.error().message);
    return Object(std::move(*node));
}

SandboxCore::SandboxCore(std::unique_ptr<SandboxStore> store, int nodes)
    : m_store(std::move(store))
    , m_registry(*this)
    , m_nodes(nodes)
{
    auto clock = m_store->counter("clock", -1);
    m_now = clock && *clock >= 0
        ? *clock
        : std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

ApiResult<void> SandboxCore::setNow(std::int64_t seconds)
{
    m_now = seconds;
    return m_store->setCounter("clock", seconds);
}

void SandboxCore::reloadClock()
{
    if (auto clock = m_store->counter("clock", -1); clock && *clock >= 0)
        m_now = *clock;
}

std::string SandboxCore::nowStamp() const
{
    return formatTime(m_now);
}

std::optional<ApiResource> SandboxCore::resource(const std::string &group, const std::string &kind)
{
    for (const ApiResource &r : builtinResources())
        if (r.group == group && r.kind == kind)
            return r;
    auto crds = objects(GroupKind { "apiextensions.k8s.io", "CustomResourceDefinition" });
    if (crds)
        for (const Object &crd : *crds)
            if (auto r = resourceOfCrd(crd); r && r->group == group && r->kind == kind)
                return r;
    return std::nullopt;
}

ApiResult<std::optional<Object>> SandboxCore::find(const ResourceKey &key)
{
    if (m_pass)
        if (auto cached = m_pass->find(GroupKind { key.group, key.kind }); cached != m_pass->end()) {
            auto it = cached->second.find(key);
            return it == cached->second.end() ? std::optional<Object>() : std::optional<Object>(it->second);
        }
    auto body = m_store->body(key);
    if (!body)
        return body.error();
    if (!*body)
        return std::optional<Object>();
    auto object = decode(**body);
    if (!object)
        return object.error();
    return std::optional<Object>(std::move(*object));
}

ApiResult<std::vector<Object>> SandboxCore::objects(const std::optional<GroupKind> &kind, const std::string &ns)
{
    if (m_pass && kind && ns.empty()) {
        auto cached = m_pass->find(*kind);
        if (cached == m_pass->end()) {
            auto loaded = load(kind, ns);
            if (!loaded)
                return loaded.error();
            cached = m_pass->emplace(*kind, std::map<ResourceKey, Object>()).first;
            for (Object &o : *loaded)
                cached->second.emplace(ResourceKey::of(o), std::move(o));
        }
        std::vector<Object> out;
        out.reserve(cached->second.size());
        for (const auto &[key, o] : cached->second)
            out.push_back(o);
        return out;
    }
    return load(kind, ns);
}

ApiResult<std::vector<Object>> SandboxCore::load(const std::optional<GroupKind> &kind, const std::string &ns)
{
    auto rows = m_store->select(kind, ns);
    if (!rows)
        return rows.error();
    std::vector<Object> out;
    out.reserve(rows->size());
    for (const StoredObject &row : *rows) {
        auto object = decode(row.body);
        if (!object)
            return object.error();
        out.push_back(std::move(*object));
    }
    return out;
}

ApiResult<Object> SandboxCore::write(Object object, const std::optional<Object> &previous, bool dryRun)
{
    Node &meta = object.root()["metadata"];
    const Node *prevMeta = previous ? previous->root().find("metadata") : nullptr;
    std::int64_t generation = 1;
    if (previous) {
        generation = std::stoll(previous->root().textAt({ "metadata", "generation" }, "1"));
        if (!sameContent(previous->root(), object.root()))
            ++generation;
    }
    meta.set("uid", Node::string(prevMeta ? prevMeta->textAt({ "uid" }) : newUid()));
    meta.set("creationTimestamp", Node::string(prevMeta ? prevMeta->textAt({ "creationTimestamp" }) : nowStamp()));
    meta.set("generation", Node::integer(generation));
    if (dryRun) {
        meta.set("resourceVersion", Node::string(prevMeta ? prevMeta->textAt({ "resourceVersion" }) : std::string()));
        return object;
    }
    meta.set("resourceVersion", Node::string(std::to_string(nextCounter("resourceVersion"))));

    StoredObject row { ResourceKey::of(object), meta.textAt({ "uid" }), jsonOrEmptyMap(meta.find("labels")),
        jsonOrEmptyMap(meta.find("annotations")), toJson(object.root()) };
    if (auto r = m_store->put(row, ownerUids(object.root())); !r)
        return r.error();
    if (m_pass)
        if (auto cached = m_pass->find(GroupKind { row.key.group, row.key.kind }); cached != m_pass->end())
            cached->second.insert_or_assign(row.key, object);
    queue(previous ? WatchEvent::Type::Modified : WatchEvent::Type::Added, object);
    return object;
}

ApiResult<Object> SandboxCore::create(Object object)
{
    applyDefaults(object, *this);
    return write(std::move(object), std::nullopt);
}

ApiResult<Object> SandboxCore::update(const Object &object)
{
    auto previous = find(ResourceKey::of(object));
    if (!previous)
        return previous.error();
    if (!*previous)
        return ApiError(ErrorCode::NotFound, "the object no longer exists", ResourceKey::of(object).toString());
    return write(object, *previous);
}

ApiResult<void> SandboxCore::purge(const Object &object)
{
    const ResourceKey key = ResourceKey::of(object);
    if (auto r = m_store->erase(key, object.root().textAt({ "metadata", "uid" })); !r)
        return r;
    if (m_pass)
        if (auto cached = m_pass->find(GroupKind { key.group, key.kind }); cached != m_pass->end())
            cached->second.erase(key);
    queue(WatchEvent::Type::Deleted, object);
    return {};
}

ApiResult<void> SandboxCore::erase(const ResourceKey &key, Propagation propagation)
{
    auto found = find(key);
    if (!found)
        return found.error();
    if (!*found) {
        std::string what = key.kind + " \"" + key.name + "\" not found";
        return ApiError(ErrorCode::NotFound, what, key.toString());
    }
    Object object = std::move(**found);
    if (key.group.empty() && key.kind == "Namespace") {
        if (key.name == "default" || key.name == "kube-system" || key.name == "kube-public")
            return ApiError(ErrorCode::Forbidden, "namespace \"" + key.name + "\" may not be deleted", key.toString());
        // A namespace terminates: the namespace controller removes its content, then it.
        if (!object.root().at({ "metadata", "deletionTimestamp" })) {
            object.root()["metadata"].set("deletionTimestamp", Node::string(nowStamp()));
            object.root()["status"].set("phase", Node::string("Terminating"));
            if (auto r = update(object); !r)
                return r.error();
        }
        return {};
    }
    const std::string uid = object.root().textAt({ "metadata", "uid" });
    if (propagation != Propagation::Background) {
        auto dependents = m_store->dependentsOf(uid);
        if (!dependents)
            return dependents.error();
        for (const ResourceKey &dep : *dependents) {
            if (propagation == Propagation::Foreground) {
                if (auto r = erase(dep, Propagation::Foreground); !r && r.code() != ErrorCode::NotFound)
                    return r;
                continue;
            }
            auto child = find(dep);
            if (!child || !*child)
                continue;
            Node *refs = (*child)->root().at({ "metadata", "ownerReferences" });
            if (refs) {
                auto &items = refs->items();
                std::erase_if(items, [&](const Node &ref) { return ref.textAt({ "uid" }) == uid; });
                if (items.empty())
                    (*child)->root()["metadata"].remove("ownerReferences");
            }
            if (auto r = update(**child); !r)
                return r.error();
        }
    }
    return purge(object);
}

ApiResult<void> SandboxCore::collectGarbage()
{
    for (int round = 0; round < 16; ++round) {
        auto orphans = m_store->orphans();
        if (!orphans)
            return orphans.error();
        if (orphans->empty())
            return {};
        for (const ResourceKey &key : *orphans) {
            auto found = find(key);
            if (found && *found)
                if (auto r = purge(**found); !r)
                    return r;
        }
    }
    return {};
}

std::int64_t SandboxCore::nextCounter(const std::string &name)
{
    auto current = m_store->counter(name, 0);
    const std::int64_t value = (current ? *current : 0) + 1;
    (void)m_store->setCounter(name, value);
    return value;
}

WatchId SandboxCore::addWatch(ListQuery query, WatchCallback callback)
{
    std::lock_guard lock(m_watchMutex);
    const WatchId id = m_nextWatch++;
    m_watches.emplace(id, std::make_pair(std::move(query), std::move(callback)));
    return id;
}

void SandboxCore::removeWatch(WatchId id)
{
    std::lock_guard lock(m_watchMutex);
    m_watches.erase(id);
}

void SandboxCore::queue(WatchEvent::Type type, const Object &object)
{
    bool any = false;
    {
        std::lock_guard lock(m_watchMutex);
        any = !m_watches.empty();
    }
    if (any)
        m_pending.push_back(WatchEvent { type, object });
}

void SandboxCore::dispatch()
{
    std::vector<WatchEvent> events;
    {
        std::lock_guard lock(mutex);
        events.swap(m_pending);
    }
    if (events.empty())
        return;
    std::vector<std::pair<ListQuery, WatchCallback>> watches;
    {
        std::lock_guard lock(m_watchMutex);
        for (const auto &[id, w] : m_watches)
            watches.push_back(w);
    }
    for (const WatchEvent &event : events)
        for (const auto &[query, callback] : watches)
            if (matchesQuery(query, event.object))
                callback(event);
}

} // namespace capstan::cluster::detail
