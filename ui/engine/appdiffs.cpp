#include "engine/appdiffs.h"

namespace capstan::ui {

std::vector<ResourceTexts> outOfSyncTexts(const engine::AppState &app)
{
    std::vector<ResourceTexts> texts;
    for (const engine::ResourceState &r : app.resources) {
        if (r.status == compare::ResourceStatus::Synced)
            continue;
        texts.push_back({QString::fromStdString(r.id.toString()), QByteArray::fromStdString(r.liveYaml),
                         QByteArray::fromStdString(r.desiredYaml)});
    }
    return texts;
}

} // namespace capstan::ui
