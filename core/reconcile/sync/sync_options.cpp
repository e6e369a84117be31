#include "reconcile/sync/sync_options.h"

namespace capstan::sync {

namespace {

std::string trimmed(std::string_view text)
{
    const auto first = text.find_first_not_of(" \t");
    if (first == std::string_view::npos)
        return {};
    const auto last = text.find_last_not_of(" \t");
    return std::string(text.substr(first, last - first + 1));
}

// A boolean option: true/false exactly, as Argo CD compares the whole "Key=value" string.
capstan::Result<bool> boolValue(const std::string &key, const std::string &value)
{
    if (value == "true")
        return true;
    if (value == "false")
        return false;
    return capstan::makeError("sync option " + key + " takes true or false, not \"" + value + "\"");
}

} // namespace

capstan::Result<SyncOptions> SyncOptions::parse(const std::vector<std::string> &options)
{
    SyncOptions out;
    for (const std::string &raw : options) {
        const std::string option = trimmed(raw);
        const auto eq = option.find('=');
        if (eq == std::string::npos)
            continue;
        const std::string key = option.substr(0, eq);
        const std::string value = option.substr(eq + 1);
        bool *flag = nullptr;
        if (key == "CreateNamespace")
            flag = &out.createNamespace;
        else if (key == "PruneLast")
            flag = &out.pruneLast;
        else if (key == "ApplyOutOfSyncOnly")
            flag = &out.applyOutOfSyncOnly;
        else if (key == "ServerSideApply")
            flag = &out.serverSideApply;
        else if (key == "Replace")
            flag = &out.replace;
        else if (key == "Validate")
            flag = &out.validate;
        else if (key == "Force")
            flag = &out.force;
        if (flag) {
            auto parsed = boolValue(key, value);
            if (!parsed)
                return parsed.error();
            *flag = *parsed;
            continue;
        }
        if (key == "PrunePropagationPolicy") {
            if (value == "foreground")
                out.prunePropagation = cluster::Propagation::Foreground;
            else if (value == "background")
                out.prunePropagation = cluster::Propagation::Background;
            else if (value == "orphan")
                out.prunePropagation = cluster::Propagation::Orphan;
            else
                return capstan::makeError(
                    "sync option PrunePropagationPolicy takes foreground, background or orphan, not \"" + value + "\"");
        }
    }
    return out;
}

std::vector<std::string> annotationValues(const manifest::Object &object, std::string_view key)
{
    std::vector<std::string> values;
    const manifest::Node *annotations = object.root().at({ "metadata", "annotations" });
    const manifest::Node *value = annotations ? annotations->find(key) : nullptr;
    if (!value || !value->isScalar())
        return values;
    std::string_view text = value->text();
    while (!text.empty()) {
        const auto comma = text.find(',');
        std::string item = trimmed(text.substr(0, comma));
        if (!item.empty())
            values.push_back(std::move(item));
        if (comma == std::string_view::npos)
            break;
        text.remove_prefix(comma + 1);
    }
    return values;
}

bool hasResourceOption(const manifest::Object &object, std::string_view option)
{
    for (const std::string &value : annotationValues(object, SyncOptionsAnnotation))
        if (value == option)
            return true;
    return false;
}

} // namespace capstan::sync
