#include "reconcile/render/application_source.h"

#include "kustomize/loader.h"
#include "kustomize/render.h"
#include "reconcile/render/git_filesystem.h"
#include "reconcile/render/kustomize_options.h"
#include "reconcile/render/overlay_filesystem.h"

#include <QDir>
#include <QRegularExpression>

namespace capstan::render {

namespace {

// Argo CD's include/exclude: a glob, or several in braces "{a.yaml,b/*.yaml}",
// matched against the path relative to the source directory.
bool matchesGlobList(const std::string &pattern, const std::string &relative)
{
    if (pattern.empty())
        return false;
    QString list = QString::fromStdString(pattern);
    if (list.startsWith(QLatin1Char('{')) && list.endsWith(QLatin1Char('}')))
        list = list.mid(1, list.size() - 2);
    const QString path = QString::fromStdString(relative);
    for (const QString &glob : list.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QRegularExpression re(QRegularExpression::wildcardToRegularExpression(
            glob.trimmed(), QRegularExpression::UnanchoredWildcardConversion));
        const QRegularExpression anchored(QLatin1String("^(?:") + re.pattern() + QLatin1String(")$"));
        if (anchored.match(path).hasMatch() || anchored.match(QString::fromStdString(kustomize::baseName(relative))).hasMatch())
            return true;
    }
    return false;
}

bool isManifestFile(const std::string &name)
{
    for (const char *ext : {".yaml", ".yml", ".json"}) {
        const std::string_view e(ext);
        if (name.size() > e.size() && name.compare(name.size() - e.size(), e.size(), e) == 0)
            return true;
    }
    return false;
}

Result<void> readDirectory(const kustomize::FileSystem &fs, const std::string &root, const std::string &dir,
                           const argo::DirectoryOptions &options, std::vector<manifest::Object> &out)
{
    auto names = fs.listDirectory(dir);
    if (!names)
        return names.error();
    for (const std::string &name : *names) {
        const std::string path = kustomize::joinPath(dir, name);
        if (fs.isDirectory(path)) {
            if (options.recurse && name.front() != '.')
                if (auto r = readDirectory(fs, root, path, options, out); !r)
                    return r;
            continue;
        }
        if (!isManifestFile(name))
            continue;
        const std::string relative = path.substr(root.size() + (root == "/" ? 0 : 1));
        if (!options.include.empty() && !matchesGlobList(options.include, relative))
            continue;
        if (matchesGlobList(options.exclude, relative))
            continue;
        auto text = fs.readFile(path);
        if (!text)
            return text.error();
        auto objects = kustomize::parseResourceStream(*text, path.substr(1));
        if (!objects)
            return objects.error();
        for (kustomize::Resource &r : *objects)
            out.push_back(std::move(r.object));
    }
    return {};
}

Result<RenderedSource> renderFrom(const kustomize::FileSystem &fs, const argo::ApplicationSource &source,
                                  const std::string &dir)
{
    if (!fs.isDirectory(dir))
        return makeError("the source path '" + source.path + "' does not exist at this revision", source.where);
    RenderedSource rendered;
    if (const auto file = kustomize::findKustomizationFile(fs, dir)) {
        rendered.type = SourceType::Kustomize;
        OverlayFileSystem overlay(fs);
        if (source.kustomize) {
            auto text = fs.readFile(*file);
            if (!text)
                return text.error();
            auto edited = applyKustomizeOptions(*text, *source.kustomize, file->substr(1));
            if (!edited)
                return edited.error();
            overlay.replaceFile(*file, std::move(*edited));
        }
        auto result = kustomize::render(overlay, dir);
        if (!result)
            return result.error();
        rendered.objects = std::move(result->objects);
        rendered.warnings = std::move(result->warnings);
        return rendered;
    }
    rendered.type = SourceType::Directory;
    if (auto r = readDirectory(fs, dir, dir, source.directory.value_or(argo::DirectoryOptions{}), rendered.objects); !r)
        return r.error();
    return rendered;
}

std::string cacheKey(const argo::ApplicationSource &source, const std::string &dir)
{
    std::string key = "source:" + dir;
    if (source.directory)
        key += "\ndir:" + std::to_string(source.directory->recurse) + ":" + source.directory->include + ":" +
               source.directory->exclude;
    if (source.kustomize)
        key += "\nkustomize:" + fingerprint(*source.kustomize);
    return key;
}

} // namespace

Result<std::shared_ptr<const RenderedSource>> renderApplicationSource(const git::Snapshot &snapshot,
                                                                      const argo::ApplicationSource &source,
                                                                      SourceCache *cache)
{
    const std::string dir = kustomize::cleanPath("/" + source.path);
    const std::string key = cacheKey(source, dir);
    if (cache) {
        if (auto hit = cache->find(key, snapshot))
            return hit;
    }
    GitFileSystem git(snapshot);
    kustomize::RecordingFileSystem recording(git);
    auto rendered = renderFrom(recording, source, dir);
    if (!rendered)
        return rendered.error();
    auto shared = std::make_shared<const RenderedSource>(std::move(rendered).value());
    if (cache)
        cache->insert(key, dependenciesAt(recording.pathsUsed(), snapshot), shared);
    return shared;
}

} // namespace capstan::render
