#include "kustomize/render.h"

#include "kustomize/kust_target.h"
#include "kustomize/resource_order.h"
#include "manifest/yaml_writer.h"

#include <filesystem>

namespace capstan::kustomize {

namespace {

// kustomize rewrites metadata.annotations as a map of strings when it drops its
// build annotations, and drops the field when nothing is left.
void finishAnnotations(manifest::Node &root)
{
    manifest::Node *metadata = root.find("metadata");
    if (!metadata || !metadata->isMap())
        return;
    manifest::Node *annotations = metadata->find("annotations");
    if (!annotations)
        return;
    if (annotations->isNull() || (annotations->isMap() && annotations->empty())) {
        metadata->remove("annotations");
        return;
    }
    if (!annotations->isMap())
        return;
    for (auto &entry : annotations->entries())
        if (entry.value.isScalar() && !entry.value.isString())
            entry.value = manifest::Node::string(entry.value.isNull() ? "null" : entry.value.text());
}

} // namespace

RenderOutcome render(const FileSystem &fs, const std::string &dir)
{
    RenderResult result;
    // The warnings of what was read before a failure go with its error.
    const auto failed = [&result](const capstan::Error &error) {
        RenderError e;
        static_cast<capstan::Error &>(e) = error;
        e.warnings = std::move(result.warnings);
        return e;
    };
    auto loader = Loader::open(fs, dir);
    if (!loader)
        return failed(loader.error());
    KustTarget target(result.warnings);
    auto resources = target.build(*loader);
    if (!resources)
        return failed(resources.error());
    if (auto ok = applySortOptions(*resources, target.sortOptions()); !ok)
        return failed(ok.error());
    for (const std::string &option : target.buildMetadata()) {
        // kubectl's embedded kustomize reports its version as "(devel)".
        if (option == "managedByLabel")
            for (Resource &r : *resources)
                r.root()["metadata"]["labels"].set("app.kubernetes.io/managed-by", manifest::Node::string("kustomize-(devel)"));
    }
    result.objects.reserve(resources->size());
    for (Resource &r : *resources) {
        finishAnnotations(r.root());
        result.objects.push_back(std::move(r.object));
    }
    result.yaml = manifest::emitObjects(result.objects);
    return result;
}

RenderOutcome renderDirectory(const std::string &dir)
{
    DiskFileSystem fs;
    if (!dir.empty() && dir[0] == '/')
        return render(fs, dir); // the loader cleans it as lexically_normal would
    std::error_code ec;
    const std::filesystem::path absolute = std::filesystem::absolute(dir.empty() ? "." : dir, ec);
    if (ec) {
        RenderError error;
        static_cast<capstan::Error &>(error) = makeError("cannot resolve directory: " + ec.message(), dir);
        return error;
    }
    return render(fs, absolute.lexically_normal().generic_string());
}

} // namespace capstan::kustomize
