#include "argo/object_meta.h"

namespace capstan::argo {

ObjectMeta readObjectMeta(FieldReader &reader)
{
    ObjectMeta meta;
    const manifest::Node &root = reader.object().root();
    const manifest::Node *metadata = reader.map(root, "metadata", "metadata");
    if (!metadata) {
        reader.fail(root, "metadata", "metadata.name", "required");
        return meta;
    }
    meta.name = reader.string(*metadata, "name", "metadata.name");
    if (meta.name.empty())
        reader.fail(*metadata, "name", "metadata.name", "required");
    meta.ns = reader.string(*metadata, "namespace", "metadata.namespace");
    meta.labels = reader.stringMap(*metadata, "labels", "metadata.labels");
    meta.annotations = reader.stringMap(*metadata, "annotations", "metadata.annotations");
    meta.finalizers = reader.stringList(*metadata, "finalizers", "metadata.finalizers");
    return meta;
}

capstan::Result<void> expectArgoKind(const manifest::Object &object, const std::string &kind)
{
    if (object.group() == "argoproj.io" && object.kind() == kind)
        return {};
    const std::string what = object.kind().empty() ? std::string("an object without a kind")
                                                   : "kind " + object.kind() + " (" + object.apiVersion() + ")";
    return capstan::makeError("expected an Argo CD " + kind + " (argoproj.io/v1alpha1), found " + what, object.where());
}

} // namespace capstan::argo
