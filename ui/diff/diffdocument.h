#pragma once

#include "reconcile/textdiff/side_by_side.h"

#include <QByteArray>
#include <QString>

#include <memory>
#include <vector>

namespace capstan::ui {

// One side of a diff: its masked text and where each line lies in it.
struct DiffSide
{
    QString label; // "Live", "Desired (Git)", "abc1234", ...
    QByteArray text; // UTF-8
    std::vector<textdiff::Span> lines; // byte range of each line, without "\n"
    int longestLine = 0; // in characters, to size the horizontal scroll range
    // Line 0 and every "---" line: where a YAML document starts. Nothing in a
    // document depends on the ones above it, so highlighting can begin there.
    std::vector<int> documentStarts;

    int lineCount() const { return static_cast<int>(lines.size()); }
    // The bytes of a 0-based line.
    std::string_view lineBytes(int line) const;
    QString lineText(int line) const { return QString::fromUtf8(lineBytes(line)); }
};

// A finished, immutable side-by-side diff, ready to show: both texts, the rows
// aligning them, the changes and the unchanged runs a view folds away.
struct DiffDocument
{
    DiffSide left;
    DiffSide right;
    textdiff::SideBySide diff;
    std::vector<textdiff::Fold> folds;

    int rowCount() const { return static_cast<int>(diff.rows.size()); }
};

using DiffDocumentPtr = std::shared_ptr<const DiffDocument>;

// Diffs two YAML texts for the side-by-side view. Secret data is masked first
// (see maskSecretValues). Pure and thread-safe: call it off the GUI thread.
DiffDocumentPtr buildDiffDocument(
    const QString &leftLabel, QByteArray left, const QString &rightLabel, QByteArray right);

} // namespace capstan::ui
