#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <string>
#include <vector>

// One folder of the kustomize conformance corpus (see README.md next to this
// file): a kustomization tree plus what `kubectl kustomize` made of it.
namespace capstan::conformance {

struct ConformanceCase
{
    QString name; // folder name, e.g. "027-patches-smp-file"
    QString folder; // absolute path of the case folder
    QString renderPath; // the directory to render, relative to folder ("." by default)
    QString renderDir; // folder + renderPath, absolute and clean
    bool expectError = false;

    QByteArray expectedYaml; // expected.yaml (stdout of kubectl kustomize)
    QByteArray expectedStderr; // expected.stderr (kubectl's warnings, one per line)
    QStringList expectedErrorParts; // expected.error: every line must occur in the message
};

// Every case under casesDir, sorted by name. A malformed case (no expected
// files, an error case without expected.error) is still returned, with
// `problem` set so that the test reports it instead of silently passing.
struct LoadedCase
{
    ConformanceCase data;
    QString problem;
};
QList<LoadedCase> loadCases(const QString &casesDir);

// Splits text into lines; a final newline does not make an extra empty line.
QStringList splitLines(const QByteArray &text);

// A short, diff-like description of where `actual` first departs from
// `expected`: the line number, a few lines of shared context and the
// differing lines marked with - and +. Empty when both are equal.
QString firstDifference(const QByteArray &expected, const QByteArray &actual);

// Warnings as kubectl prints them on stderr: each on a line of its own.
QByteArray stderrText(const std::vector<std::string> &warnings);

// Each expected part that `message` does not contain. The case folder's own
// path is taken out of the message first, so that a part such as "kind"
// cannot be found in a folder named "110-error-resource-without-kind".
QStringList missingParts(const QString &message, const QStringList &parts, const QString &caseFolder);

} // namespace capstan::conformance
