#include "ctl/commands/app_diff_command.h"

#include "ctl/commands/output.h"
#include "ctl/options.h"
#include "manifest/yaml_reader.h"
#include "manifest/yaml_writer.h"
#include "reconcile/compare/secrets.h"
#include "reconcile/textdiff/unified.h"

namespace capstan::ctl {

namespace {

// Differences found and errors share no exit code, as with `argocd app diff`.
constexpr int kDiffError = 2;

// One side of a diff, as written on the command line.
struct SideSpec
{
    enum class Kind { Live, Git, History } kind = Kind::Live;
    QString revision; // Git: "" means the application's targetRevision
    std::int64_t historyId = 0;
};

std::optional<SideSpec> parseSide(const QString &text, QString &error)
{
    if (text == QLatin1String("live"))
        return SideSpec {};
    if (text.startsWith(QLatin1String("git:")) && text.size() > 4)
        return SideSpec { SideSpec::Kind::Git, text.mid(4), 0 };
    if (text.startsWith(QLatin1String("history:"))) {
        bool ok = false;
        const qint64 id = text.mid(8).toLongLong(&ok);
        if (ok && id > 0)
            return SideSpec { SideSpec::Kind::History, {}, id };
    }
    error = QStringLiteral("'%1' is not live, git:REV or history:ID").arg(text);
    return std::nullopt;
}

struct Side
{
    SideSpec spec;
    std::vector<manifest::Object> objects;
};

Result<Side> readSide(OpenWorkspace &ws, const std::string &app, const SideSpec &spec)
{
    engine::Reconciler &reconciler = ws.workspace->reconciler();
    Side side { spec, {} };
    switch (spec.kind) {
    case SideSpec::Kind::Live: {
        auto live = reconciler.liveObjects(app);
        if (!live)
            return live.error();
        side.objects = std::move(*live);
        break;
    }
    case SideSpec::Kind::Git: {
        auto desired = reconciler.desiredObjects(app, spec.revision);
        if (!desired)
            return desired.error();
        side.objects = std::move(*desired);
        break;
    }
    case SideSpec::Kind::History: {
        auto entry = ws.workspace->history().historyEntry(spec.historyId);
        if (!entry)
            return entry.error();
        if (entry->operation.app != app)
            return makeError("history entry " + std::to_string(spec.historyId) + " belongs to '" + entry->operation.app
                + "', not '" + app + "'");
        auto objects = manifest::parseObjects(
            entry->operation.appliedManifests, "history entry " + std::to_string(spec.historyId));
        if (!objects)
            return objects.error();
        side.objects = std::move(*objects);
        break;
    }
    }
    return side;
}

std::vector<compare::IgnoreDifference> ignoreRules(const argo::Application *app)
{
    std::vector<compare::IgnoreDifference> rules;
    if (!app)
        return rules;
    for (const argo::IgnoreDifference &d : app->ignoreDifferences)
        rules.push_back(
            { d.group, d.kind, d.name, d.ns, d.jsonPointers, d.jqPathExpressions, d.managedFieldsManagers });
    return rules;
}

// A history entry keeps Secret values masked, so they cannot be compared with
// real ones: the other side's values of keys that both have take the entry's
// masks. Keys added or removed still show. Whether anything was blinded.
bool blindSecretValues(std::vector<manifest::Object> &other, const std::vector<manifest::Object> &recorded)
{
    bool blinded = false;
    for (const manifest::Object &entry : recorded) {
        const manifest::Node *data = entry.root().find("data");
        if (!compare::isSecret(entry.root()) || !data || !data->isMap())
            continue;
        for (manifest::Object &object : other) {
            if (!object.id().sameObject(entry.id()) || !compare::isSecret(object.root()))
                continue;
            manifest::Node &root = object.root();
            for (const manifest::MapEntry &key : data->entries()) {
                const manifest::Node *values = root.find("data");
                bool present = values && values->isMap() && values->contains(key.key);
                if (manifest::Node *plain = root.find("stringData"); plain && plain->isMap() && plain->remove(key.key))
                    present = true;
                if (present) {
                    root["data"].set(key.key, key.value);
                    blinded = true;
                }
            }
        }
    }
    return blinded;
}

struct ResourceDiff
{
    manifest::ResourceId id;
    std::string diff;
};

// Against the cluster: the engine's comparison, so normalisation, tracking,
// ignoreDifferences and Secret masking are exactly those of the sync status.
std::vector<ResourceDiff> diffWithLive(const engine::AppState &app, const argo::Application *definition,
    const Side &live, const Side &other, bool liveFirst)
{
    compare::CompareRequest request;
    request.appName = app.name;
    request.defaultNamespace = app.destinationNamespace;
    request.desired = other.objects;
    request.live = live.objects;
    request.ignoreDifferences = ignoreRules(definition);
    std::vector<ResourceDiff> diffs;
    for (const compare::ResourceComparison &r : compare::compareApp(request).resources) {
        if (r.status == compare::ResourceStatus::Synced)
            continue;
        const std::string path = compare::resourcePath(r.id);
        diffs.push_back(
            { r.id, liveFirst ? r.diff : textdiff::unifiedDiff(r.desiredYaml, r.liveYaml, "a/" + path, "b/" + path) });
    }
    return diffs;
}

// Between two sets of manifests: each object's YAML, Secret values masked.
std::vector<ResourceDiff> diffManifests(const Side &from, const Side &to)
{
    std::vector<ResourceDiff> diffs;
    std::vector<bool> matched(from.objects.size(), false);
    auto diffPair = [&](const manifest::Object *a, const manifest::Object *b) {
        manifest::Node left = a ? a->root() : manifest::Node();
        manifest::Node right = b ? b->root() : manifest::Node();
        if ((a && compare::isSecret(left)) || (b && compare::isSecret(right)))
            compare::maskSecretData(b ? &right : nullptr, a ? &left : nullptr);
        const manifest::ResourceId id = b ? b->id() : a->id();
        const std::string path = compare::resourcePath(id);
        std::string diff = textdiff::unifiedDiff(a ? manifest::emitYaml(left) : std::string(),
            b ? manifest::emitYaml(right) : std::string(), "a/" + path, "b/" + path);
        if (!diff.empty())
            diffs.push_back({ id, std::move(diff) });
    };
    for (const manifest::Object &b : to.objects) {
        const manifest::Object *a = nullptr;
        for (std::size_t i = 0; i < from.objects.size() && !a; ++i)
            if (!matched[i] && from.objects[i].id().sameObject(b.id())) {
                matched[i] = true;
                a = &from.objects[i];
            }
        diffPair(a, &b);
    }
    for (std::size_t i = 0; i < from.objects.size(); ++i)
        if (!matched[i])
            diffPair(&from.objects[i], nullptr);
    return diffs;
}

} // namespace

QString AppDiffCommand::summary() const
{
    return QStringLiteral("Show what differs between live, a Git revision and a history entry");
}

QString AppDiffCommand::usage() const
{
    return QStringLiteral("Usage: capstanctl app diff NAME [--revision REV | --history ID | --from A --to B]\n"
                          "                            [workspace options]\n\n"
                          "Prints a unified diff per resource that differs (Secret values masked). Without\n"
                          "options: the live objects against what Git wants at the application's targetRevision.\n"
                          "Exit status: 0 no differences, 1 differences, 2 a usage error or a side that cannot\n"
                          "be read.\n\n"
                          "Options:\n"
                          "  --revision REV   live against the render of a Git revision (branch, tag, commit)\n"
                          "  --history ID     live against the manifests a history entry applied\n"
                          "  --from A         one side: live, git:REV or history:ID (default: live)\n"
                          "  --to B           the other side (default: git at the targetRevision)\n")
        + WorkspaceOptions::usage();
}

int AppDiffCommand::run(const QStringList &arguments, Streams &io)
{
    QCommandLineParser parser;
    m_workspace.addTo(parser);
    const QCommandLineOption revision(QStringLiteral("revision"), QString(), QStringLiteral("REV"));
    const QCommandLineOption history(QStringLiteral("history"), QString(), QStringLiteral("ID"));
    const QCommandLineOption from(QStringLiteral("from"), QString(), QStringLiteral("A"));
    const QCommandLineOption to(QStringLiteral("to"), QString(), QStringLiteral("B"));
    parser.addOptions({ revision, history, from, to });
    const auto positional = parseArguments(parser, arguments, *this, io);
    if (!positional)
        return ExitUsage;
    if (positional->size() != 1)
        return usageError(*this, io, QStringLiteral("expected one application name"));
    const int shortcuts = int(parser.isSet(revision)) + int(parser.isSet(history));
    if (shortcuts > 1 || (shortcuts == 1 && (parser.isSet(from) || parser.isSet(to))))
        return usageError(*this, io, QStringLiteral("choose one of --revision, --history and --from/--to"));

    QString error;
    std::optional<SideSpec> a = SideSpec {};
    std::optional<SideSpec> b = SideSpec { SideSpec::Kind::Git, {}, 0 };
    if (parser.isSet(revision))
        b = SideSpec { SideSpec::Kind::Git, parser.value(revision), 0 };
    if (parser.isSet(history))
        b = parseSide(QStringLiteral("history:") + parser.value(history), error);
    if (b && parser.isSet(from))
        a = parseSide(parser.value(from), error);
    if (a && b && parser.isSet(to))
        b = parseSide(parser.value(to), error);
    if (!a || !b)
        return usageError(*this, io, error);

    const std::string name = positional->first().toStdString();
    auto ws = openWorkspace(m_workspace, parser);
    if (!ws) {
        fail(*this, io, ws.error().toString());
        return kDiffError;
    }
    auto app = ws->app(name);
    auto left = app ? readSide(*ws, name, *a) : Result<Side>(app.error());
    auto right = left ? readSide(*ws, name, *b) : Result<Side>(left.error());
    if (!right) {
        fail(*this, io, name + ": " + right.error().toString());
        return kDiffError;
    }

    bool blinded = false;
    if (a->kind == SideSpec::Kind::History)
        blinded = blindSecretValues(right->objects, left->objects);
    else if (b->kind == SideSpec::Kind::History)
        blinded = blindSecretValues(left->objects, right->objects);
    if (blinded)
        io.err << "note: history entries keep Secret values masked; values of keys both sides have are not compared\n";

    const bool leftLive = a->kind == SideSpec::Kind::Live;
    const bool rightLive = b->kind == SideSpec::Kind::Live;
    const argo::Application *definition = ws->workspace->reconciler().application(name);
    std::vector<ResourceDiff> diffs;
    if (leftLive && !rightLive)
        diffs = diffWithLive(**app, definition, *left, *right, true);
    else if (rightLive && !leftLive)
        diffs = diffWithLive(**app, definition, *right, *left, false);
    else if (!leftLive)
        diffs = diffManifests(*left, *right);

    for (const ResourceDiff &d : diffs) {
        const QString group = d.id.group.empty() ? QString() : qs(d.id.group) + QLatin1Char('/');
        const QString where = d.id.ns.empty() ? qs(d.id.name) : qs(d.id.ns) + QLatin1Char('/') + qs(d.id.name);
        io.out << QStringLiteral("===== %1%2 %3 ======\n").arg(group, qs(d.id.kind), where) << d.diff;
    }
    return diffs.empty() ? ExitOk : ExitFailure;
}

} // namespace capstan::ctl
