#include "reconcile/gitops/images.h"

#include "manifest/yaml_reader.h"
#include "reconcile/render/kustomize_options.h"

#include <algorithm>

namespace capstan::gitops {

namespace {

std::string lastSegment(const std::string &name)
{
    const auto slash = name.rfind('/');
    return slash == std::string::npos ? name : name.substr(slash + 1);
}

const engine::AppState *appState(engine::Workspace &workspace, const std::string &app)
{
    const auto snapshot = workspace.reconciler().snapshot();
    return snapshot ? snapshot->app(app) : nullptr;
}

} // namespace

std::string imageTag(const kustomize::ImageOverride &image)
{
    if (image.newTag && !image.newTag->empty())
        return *image.newTag;
    if (image.digest && !image.digest->empty())
        return image.digest->substr(0, std::min<std::size_t>(image.digest->size(), 19)); // "sha256:" + 12
    return image.newName.value_or(image.name);
}

const char *toString(MessageKind kind)
{
    switch (kind) {
    case MessageKind::Rollback:
        return "rollback";
    case MessageKind::Release:
        return "release";
    case MessageKind::Promote:
        return "promote";
    }
    return "rollback";
}

std::optional<MessageKind> messageKindFromString(const std::string &text)
{
    for (MessageKind kind : { MessageKind::Rollback, MessageKind::Release, MessageKind::Promote })
        if (text == toString(kind))
            return kind;
    return std::nullopt;
}

ServiceEnvironment serviceEnvironment(const engine::AppState &app)
{
    ServiceEnvironment out;
    if (auto it = app.labels.find("capstan.io/service"); it != app.labels.end())
        out.service = it->second;
    if (auto it = app.labels.find("capstan.io/environment"); it != app.labels.end())
        out.environment = it->second;
    const auto dash = app.name.rfind('-');
    if (out.service.empty())
        out.service = dash == std::string::npos ? app.name : app.name.substr(0, dash);
    if (out.environment.empty() && dash != std::string::npos)
        out.environment = app.name.substr(dash + 1);
    return out;
}

std::string environmentWords(const std::string &environment)
{
    return environment == "prod" ? "production" : environment;
}

Result<QString> overlayKustomization(engine::Workspace &workspace, const std::string &app)
{
    const engine::AppState *state = appState(workspace, app);
    if (!state)
        return makeError("no application named '" + app + "'");
    auto branch = workingBranch(workspace);
    if (!branch)
        return branch.error();
    git::Repository &repo = workspace.reconciler().repository();
    const QString dir = QString::fromStdString(state->path);
    for (const char *name : { "kustomization.yaml", "kustomization.yml", "Kustomization" }) {
        const QString path = dir.isEmpty() || dir == QLatin1String(".") ? QString::fromLatin1(name)
                                                                        : dir + QLatin1Char('/') + QLatin1String(name);
        if (repo.readFile(*branch, path))
            return path;
    }
    return makeError(
        "application '" + app + "' has no kustomization in " + state->path + "; images are set in a kustomize overlay");
}

Result<std::vector<kustomize::ImageOverride>> imageEntries(const std::string &text, const std::string &file)
{
    auto docs = manifest::parseDocuments(text, file);
    if (!docs)
        return docs.error();
    std::vector<kustomize::ImageOverride> out;
    if (docs->empty())
        return out;
    const manifest::Node *images = docs->front().find("images");
    if (!images || !images->isSequence())
        return out;
    for (const manifest::Node &item : images->items()) {
        kustomize::ImageOverride image;
        image.name = item.textAt({ "name" });
        if (const manifest::Node *n = item.find("newName"))
            image.newName = n->text();
        if (const manifest::Node *n = item.find("newTag"))
            image.newTag = n->text();
        if (const manifest::Node *n = item.find("digest"))
            image.digest = n->text();
        if (!image.name.empty())
            out.push_back(std::move(image));
    }
    return out;
}

Result<kustomize::ImageOverride> parseImageArgument(const std::string &text)
{
    const auto eq = text.find('=');
    if (eq != std::string::npos) {
        const std::string right = text.substr(eq + 1);
        // "IMAGE=TAG": a bare tag has no registry path, tag or digest separator.
        if (!right.empty() && right.find_first_of(":@/") == std::string::npos)
            return kustomize::ImageOverride { text.substr(0, eq), std::nullopt, right, std::nullopt };
    }
    return render::parseImageOverride(text);
}

Result<CommitResult> setImage(engine::Workspace &workspace, const std::string &app,
    const kustomize::ImageOverride &requested, MessageKind kind, const CommitOptions &options)
{
    if (auto safe = checkBeforeCommitting(workspace, options); !safe)
        return safe.error();
    const engine::AppState *state = appState(workspace, app);
    if (!state)
        return makeError("no application named '" + app + "'");
    auto file = overlayKustomization(workspace, app);
    if (!file)
        return file.error();
    auto branch = workingBranch(workspace);
    if (!branch)
        return branch.error();
    auto text = workspace.reconciler().repository().readFile(*branch, *file);
    if (!text)
        return text.error();
    const std::string original = text->toStdString();
    auto entries = imageEntries(original, file->toStdString());
    if (!entries)
        return entries.error();

    // The entry is named in full, or by its last path segment ("order-service").
    kustomize::ImageOverride image = requested;
    auto match = std::find_if(
        entries->begin(), entries->end(), [&](const kustomize::ImageOverride &e) { return e.name == requested.name; });
    if (match == entries->end())
        match = std::find_if(entries->begin(), entries->end(),
            [&](const kustomize::ImageOverride &e) { return lastSegment(e.name) == requested.name; });
    if (match != entries->end())
        image.name = match->name;
    else if (requested.name.find('/') == std::string::npos)
        return makeError("no images entry named '" + requested.name + "' in " + file->toStdString());

    auto edited = kustomize::setImageInText(original, image, file->toStdString());
    if (!edited)
        return edited.error();
    if (*edited == original)
        return makeError(file->toStdString() + " already sets " + image.name + " to " + imageTag(image));

    const ServiceEnvironment names = serviceEnvironment(*state);
    const std::string tag = imageTag(image);
    std::string message;
    switch (kind) {
    case MessageKind::Rollback:
        message = "rollback: " + names.service + " to " + tag;
        break;
    case MessageKind::Release:
        message = "release: " + names.service + " " + tag + " to " + environmentWords(names.environment);
        break;
    case MessageKind::Promote:
        message = "promote: " + names.service + " " + tag + " to " + environmentWords(names.environment);
        break;
    }
    const QString path = *file;
    const QByteArray content = QByteArray::fromStdString(*edited);
    const QString qmessage = QString::fromStdString(message);
    auto result = makeChange(
        workspace, { app }, qmessage,
        [=](git::Repository &r, const QString &b, const std::optional<git::Signature> &author) {
            return r.commit(b, { git::FileChange { path, content } }, qmessage, author);
        },
        options);
    if (result && !options.dryRun)
        recordChange(workspace, history::OperationKind::SetImage, app, *result, options,
            message + " (" + result->commit.toStdString() + ")");
    return result;
}

Result<std::vector<ImageRun>> imageHistory(engine::Workspace &workspace, const std::string &appOrService)
{
    const auto snapshot = workspace.reconciler().snapshot();
    if (!snapshot)
        return makeError("the workspace has not been refreshed");
    std::vector<const engine::AppState *> apps;
    if (const engine::AppState *one = snapshot->app(appOrService))
        apps.push_back(one);
    else
        for (const engine::AppState &app : snapshot->apps)
            if (serviceEnvironment(app).service == appOrService)
                apps.push_back(&app);
    if (apps.empty())
        return makeError("no application or service named '" + appOrService + "'");

    std::vector<ImageRun> out;
    for (const engine::AppState *app : apps) {
        auto images = workspace.history().deployedImages(app->name);
        if (!images)
            return images.error();
        auto marks = workspace.history().badMarks(app->name);
        if (!marks)
            return marks.error();
        for (const history::DeployedImage &image : *images) {
            ImageRun run;
            run.app = app->name;
            run.environment = serviceEnvironment(*app).environment;
            run.image = image;
            run.wanted = std::find(app->images.begin(), app->images.end(), image.image) != app->images.end();
            for (std::int64_t id : image.historyIds) {
                auto entry = workspace.history().historyEntry(id);
                if (entry && entry->badMark) {
                    run.badMark = entry->badMark;
                    break;
                }
            }
            out.push_back(std::move(run));
        }
    }
    return out;
}

const ImageRun *suggestedRollbackImage(const std::vector<ImageRun> &runs, const std::string &app)
{
    for (const ImageRun &run : runs)
        if (run.app == app && !run.wanted && !run.badMark)
            return &run;
    return nullptr;
}

Result<void> markBad(engine::Workspace &workspace, const std::string &app, const BadTarget &target,
    const std::string &reason, const std::string &markedBy)
{
    if (reason.empty())
        return makeError("a bad mark needs a reason");
    const std::string by = markedBy.empty() ? engine::currentUser() : markedBy;
    std::string what;
    if (target.historyId) {
        if (auto r = workspace.history().markEntryBad(app, *target.historyId, reason, by); !r)
            return r.error();
        what = "history entry " + std::to_string(*target.historyId);
    } else {
        auto commit = workspace.reconciler().repository().resolve(QString::fromStdString(target.revision));
        if (!commit)
            return commit.error();
        if (auto r = workspace.history().markRevisionBad(app, commit->id.toStdString(), reason, by); !r)
            return r.error();
        what = "revision " + commit->id.toStdString();
    }
    audit(workspace, by, app, "mark-bad", what + ": " + reason);
    return {};
}

Result<int> markImageBad(engine::Workspace &workspace, const std::string &app, const std::string &image,
    const std::string &reason, const std::string &markedBy)
{
    auto images = workspace.history().deployedImages(app);
    if (!images)
        return images.error();
    int marked = 0;
    for (const history::DeployedImage &deployed : *images) {
        if (deployed.image != image && deployed.tag != image)
            continue;
        for (std::int64_t id : deployed.historyIds) {
            if (auto r
                = markBad(workspace, app, BadTarget { id, {} }, reason + " (image " + deployed.image + ")", markedBy);
                !r)
                return r.error();
            ++marked;
        }
    }
    if (marked == 0)
        return makeError("application '" + app + "' has no history entry that ran " + image);
    return marked;
}

} // namespace capstan::gitops
