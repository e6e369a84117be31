#include "reconcile/gitops/promote.h"

#include <QStringList>

#include <algorithm>

namespace capstan::gitops {

namespace {

std::vector<std::string> lines(const std::string &text)
{
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start < text.size()) {
        const auto end = text.find('\n', start);
        if (end == std::string::npos) {
            out.push_back(text.substr(start));
            break;
        }
        out.push_back(text.substr(start, end - start + 1));
        start = end + 1;
    }
    return out;
}

bool continuesBlock(const std::string &line)
{
    return line.empty() || line[0] == ' ' || line[0] == '\t' || line[0] == '-' || line[0] == '\n' || line[0] == '\r';
}

// [first, last) lines of the top-level field's block; first == last when absent.
std::pair<std::size_t, std::size_t> fieldBlock(const std::vector<std::string> &text, const std::string &name)
{
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i].rfind(name + ":", 0) != 0)
            continue;
        std::size_t end = i + 1;
        while (end < text.size() && continuesBlock(text[end]))
            ++end;
        // Trailing blank lines belong to what follows.
        while (end > i + 1 && text[end - 1].find_first_not_of(" \t\r\n") == std::string::npos)
            --end;
        return { i, end };
    }
    return { text.size(), text.size() };
}

} // namespace

std::string copyTopLevelField(const std::string &target, const std::string &source, const std::string &name)
{
    const auto from = lines(source);
    auto to = lines(target);
    const auto [sFirst, sLast] = fieldBlock(from, name);
    const auto [tFirst, tLast] = fieldBlock(to, name);
    std::vector<std::string> block(from.begin() + std::ptrdiff_t(sFirst), from.begin() + std::ptrdiff_t(sLast));
    if (!block.empty() && block.back().back() != '\n')
        block.back() += '\n';
    if (tFirst == to.size()) {
        if (!to.empty() && to.back().back() != '\n')
            to.back() += '\n';
        to.insert(to.end(), block.begin(), block.end());
    } else {
        to.erase(to.begin() + std::ptrdiff_t(tFirst), to.begin() + std::ptrdiff_t(tLast));
        to.insert(to.begin() + std::ptrdiff_t(tFirst), block.begin(), block.end());
    }
    std::string out;
    for (const std::string &line : to)
        out += line;
    return out;
}

Result<std::string> findApplication(
    engine::Workspace &workspace, const std::string &service, const std::string &environment)
{
    const auto snapshot = workspace.reconciler().snapshot();
    if (!snapshot)
        return makeError("the workspace has not been refreshed");
    for (const engine::AppState &app : snapshot->apps) {
        auto s = app.labels.find("capstan.io/service");
        auto e = app.labels.find("capstan.io/environment");
        if (s != app.labels.end() && e != app.labels.end() && s->second == service && e->second == environment)
            return app.name;
    }
    const std::string name = service + "-" + environment;
    if (snapshot->app(name))
        return name;
    return makeError("no application of service '" + service + "' in environment '" + environment + "'");
}

Result<PromoteResult> promote(engine::Workspace &workspace, const std::string &service, const std::string &fromEnv,
    const std::string &toEnv, const PromoteOptions &options)
{
    if (auto safe = checkBeforeCommitting(workspace, options.commit); !safe)
        return safe.error();
    PromoteResult result;
    auto source = findApplication(workspace, service, fromEnv);
    if (!source)
        return source.error();
    auto target = findApplication(workspace, service, toEnv);
    if (!target)
        return target.error();
    result.sourceApp = *source;
    result.targetApp = *target;
    const engine::AppState *targetState = workspace.reconciler().snapshot()->app(*target);
    // As for a sync: approval gates what a person changes by hand, not what
    // automated sync follows anyway.
    if (targetState->requiresApproval && !targetState->automated && options.approvalNote.empty()
        && !options.commit.dryRun)
        return makeError(
            "project '" + targetState->project + "' requires an approval note to change " + *target + " (--note)");

    auto sourceFile = overlayKustomization(workspace, *source);
    if (!sourceFile)
        return sourceFile.error();
    auto targetFile = overlayKustomization(workspace, *target);
    if (!targetFile)
        return targetFile.error();
    auto branch = workingBranch(workspace);
    if (!branch)
        return branch.error();
    git::Repository &repo = workspace.reconciler().repository();
    auto sourceText = repo.readFile(*branch, *sourceFile);
    if (!sourceText)
        return sourceText.error();
    auto targetText = repo.readFile(*branch, *targetFile);
    if (!targetText)
        return targetText.error();
    auto images = imageEntries(sourceText->toStdString(), sourceFile->toStdString());
    if (!images)
        return images.error();

    std::string edited = targetText->toStdString();
    QStringList tags;
    for (const kustomize::ImageOverride &image : *images) {
        // Copy the entry exactly: a field the source lacks is removed from the target.
        kustomize::ImageOverride copy { image.name, image.newName.value_or(std::string()),
            image.newTag.value_or(std::string()), image.digest.value_or(std::string()) };
        auto next = kustomize::setImageInText(edited, copy, targetFile->toStdString());
        if (!next)
            return next.error();
        edited = std::move(*next);
        tags << QString::fromStdString(imageTag(image));
    }
    for (const std::string &field : options.fields)
        if (field != "images")
            edited = copyTopLevelField(edited, sourceText->toStdString(), field);
    if (edited == targetText->toStdString())
        return makeError(*target + " already has what " + *source + " has: nothing to promote");

    const bool production = toEnv == "prod" || toEnv == "production";
    result.kind = production ? MessageKind::Release : MessageKind::Promote;
    tags.removeDuplicates();
    const std::string message = std::string(toString(result.kind)) + ": " + service + " "
        + tags.join(QStringLiteral(", ")).toStdString() + " to " + environmentWords(toEnv);
    const QString path = *targetFile;
    const QByteArray content = QByteArray::fromStdString(edited);
    const QString qmessage = QString::fromStdString(message);
    auto change = makeChange(
        workspace, { *target }, qmessage,
        [=](git::Repository &r, const QString &b, const std::optional<git::Signature> &author) {
            return r.commit(b, { git::FileChange { path, content } }, qmessage, author);
        },
        options.commit);
    if (!change)
        return change.error();
    result.change = std::move(*change);
    if (!options.commit.dryRun) {
        recordChange(workspace, history::OperationKind::Promote, *target, result.change, options.commit,
            message + " from " + *source + " (" + result.change.commit.toStdString() + ")", options.approvalNote);
    }
    return result;
}

} // namespace capstan::gitops
