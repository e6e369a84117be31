// The images index: which images each application has run, from the manifests
// of its successful syncs, recorded when they finish.

#include "reconcile/history/deployed_images_p.h"

#include "reconcile/history/history_store.h"

#include <map>
#include <set>

namespace capstan::history {

namespace detail {

namespace {

using manifest::Node;

// Where a workload kind keeps its pod spec.
const Node *podSpec(const manifest::Object &object)
{
    const std::string kind = object.kind();
    const Node &root = object.root();
    if (kind == "Pod")
        return root.find("spec");
    if (kind == "Deployment" || kind == "ReplicaSet" || kind == "StatefulSet" || kind == "DaemonSet" || kind == "Job"
        || kind == "ReplicationController")
        return root.at({ "spec", "template", "spec" });
    if (kind == "CronJob")
        return root.at({ "spec", "jobTemplate", "spec", "template", "spec" });
    return nullptr;
}

// "repo:tag" / "repo@digest" / "repo:tag@digest" into repository and the rest.
void splitReference(const std::string &image, std::string &repository, std::string &tag)
{
    const std::size_t at = image.find('@');
    const std::string named = image.substr(0, at);
    const std::size_t slash = named.rfind('/');
    const std::size_t colon = named.rfind(':');
    const bool hasTag = colon != std::string::npos && (slash == std::string::npos || colon > slash);
    repository = hasTag ? named.substr(0, colon) : named;
    tag = hasTag ? named.substr(colon + 1) : std::string();
    if (at != std::string::npos)
        tag += (tag.empty() ? "" : "@") + image.substr(at + 1);
}

} // namespace

std::vector<std::string> workloadImages(const std::vector<manifest::Object> &objects)
{
    std::set<std::string> images;
    for (const manifest::Object &object : objects) {
        const Node *spec = podSpec(object);
        if (!spec || !spec->isMap())
            continue;
        for (const char *list : { "initContainers", "containers" }) {
            const Node *containers = spec->find(list);
            if (!containers || !containers->isSequence())
                continue;
            for (const Node &container : containers->items()) {
                const std::string image = container.textAt({ "image" });
                if (!image.empty())
                    images.insert(image);
            }
        }
    }
    return { images.begin(), images.end() };
}

capstan::Result<void> indexImages(Connection &connection, std::int64_t id, const std::vector<manifest::Object> &objects)
{
    for (const std::string &image : workloadImages(objects)) {
        Statement insert(connection, "INSERT INTO deployed_images (operation_id, image) VALUES (?1, ?2)");
        if (auto r = insert.bind(1, id).bind(2, image).run(); !r)
            return r;
    }
    return {};
}

} // namespace detail

capstan::Result<std::vector<DeployedImage>> HistoryStore::deployedImages(const std::string &app) const
{
    detail::Statement q(*m_db,
        "SELECT i.image, o.id, o.finished_at FROM deployed_images i JOIN operations o ON o.id = i.operation_id"
        " WHERE o.app = ?1 ORDER BY o.finished_at DESC, o.id DESC, i.image");
    q.bind(1, app);
    std::vector<DeployedImage> images;
    std::map<std::string, std::size_t> indexOf;
    auto read = q.each([&] {
        const std::string image = q.text(0);
        auto [it, inserted] = indexOf.try_emplace(image, images.size());
        if (inserted) {
            DeployedImage entry;
            entry.image = image;
            detail::splitReference(image, entry.repository, entry.tag);
            entry.lastDeployedAt = q.time(2); // rows come newest first
            images.push_back(std::move(entry));
        }
        DeployedImage &entry = images[it->second];
        entry.firstDeployedAt = q.time(2);
        entry.historyIds.push_back(q.integer(1));
    });
    if (!read)
        return m_db->error("cannot list the images " + app + " has run: " + read.error().message);
    return images;
}

} // namespace capstan::history
