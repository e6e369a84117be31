#pragma once

#include "diff/diffdocument.h"

#include <QString>

#include <vector>

namespace capstan::compare {
struct CompareResult;
}
namespace capstan::manifest {
class Object;
}

namespace capstan::ui {

// What happened to a resource from the left side to the right.
enum class ResourceChange { Modified, Added, Removed };

// One changed resource and its finished diff.
struct ResourceDiff
{
    QString resource; // "apps/Deployment:prod/frontend"
    ResourceChange change = ResourceChange::Modified;
    QString status; // in Argo CD's words where there are any ("OutOfSync", "Missing"), else ""
    DiffDocumentPtr document;
};

// One resource's text on each side ("" where it does not exist), to diff.
struct ResourceTexts
{
    QString resource;
    QByteArray left;
    QByteArray right;
};

// Pairs two renders' objects by identity (group, kind, namespace, name), as
// canonical YAML with Secret data masked the way the compare engine masks it:
// for diffing two revisions or history entries. Left's order, then right-only
// objects in right's order. Thread-safe.
std::vector<ResourceTexts> pairObjects(
    const std::vector<manifest::Object> &left, const std::vector<manifest::Object> &right);

// Diffs each pair, dropping those whose texts are equal. Thread-safe: run it off the GUI thread.
std::vector<ResourceDiff> buildResourceDiffs(
    const std::vector<ResourceTexts> &resources, const QString &leftLabel, const QString &rightLabel);

// The out-of-sync resources of a comparison, live on the left and desired
// (Git) on the right, so "+" is what a sync would add. Thread-safe.
std::vector<ResourceDiff> buildResourceDiffs(
    const compare::CompareResult &result, const QString &liveLabel, const QString &desiredLabel);

} // namespace capstan::ui
