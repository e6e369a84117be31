#include "reconcile/engine/fingerprint.h"

namespace capstan::engine {

namespace {

// Appends a field with its length, so that no two different field lists give the same text.
void add(std::string &out, const std::string &field)
{
    out += std::to_string(field.size());
    out += ':';
    out += field;
}

void add(std::string &out, const std::vector<std::string> &fields)
{
    add(out, std::to_string(fields.size()));
    for (const std::string &f : fields)
        add(out, f);
}

void add(std::string &out, const std::map<std::string, std::string> &fields)
{
    add(out, std::to_string(fields.size()));
    for (const auto &[key, value] : fields) {
        add(out, key);
        add(out, value);
    }
}

} // namespace

std::string fingerprint(const argo::ApplicationSource &source)
{
    std::string out;
    add(out, source.repoURL);
    add(out, source.path);
    add(out, source.targetRevision);
    add(out, source.chart);
    add(out, source.where);
    if (const auto &d = source.directory) {
        add(out, d->recurse ? "directory recurse" : "directory");
        add(out, d->include);
        add(out, d->exclude);
    }
    if (const auto &k = source.kustomize) {
        add(out, "kustomize");
        add(out, k->images);
        add(out, k->namePrefix);
        add(out, k->nameSuffix);
        add(out, k->ns);
        add(out, k->commonLabels);
        add(out, k->commonAnnotations);
        add(out, std::to_string(k->replicas.size()));
        for (const argo::KustomizeReplica &r : k->replicas) {
            add(out, r.name);
            add(out, std::to_string(r.count));
        }
    }
    return out;
}

std::string fingerprint(const argo::Application &app)
{
    std::string out;
    add(out, app.name());
    add(out, app.project);
    add(out, app.where);
    add(out, app.metadata.labels);
    add(out, std::to_string(app.conditions.size()));
    for (const argo::Condition &c : app.conditions) {
        add(out, std::to_string(static_cast<int>(c.type)));
        add(out, c.message);
        add(out, c.where);
    }
    add(out, app.source ? fingerprint(*app.source) : std::string("no source"));
    add(out, std::to_string(app.sources.size()));
    for (const argo::ApplicationSource &s : app.sources)
        add(out, fingerprint(s));
    add(out, app.destination.server);
    add(out, app.destination.name);
    add(out, app.destination.ns);
    if (const auto &a = app.syncPolicy.automated)
        add(out, std::string("automated") + (a->enabled ? "e" : "") + (a->prune ? "p" : "") + (a->selfHeal ? "s" : "")
                     + (a->allowEmpty ? "a" : ""));
    add(out, app.syncPolicy.options.raw);
    add(out, std::to_string(app.ignoreDifferences.size()));
    for (const argo::IgnoreDifference &d : app.ignoreDifferences) {
        add(out, d.group);
        add(out, d.kind);
        add(out, d.name);
        add(out, d.ns);
        add(out, d.jsonPointers);
        add(out, d.jqPathExpressions);
        add(out, d.managedFieldsManagers);
    }
    return out;
}

} // namespace capstan::engine
