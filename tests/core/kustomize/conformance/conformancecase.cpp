#include "conformancecase.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <algorithm>

namespace capstan::conformance {

namespace {

bool readFile(const QString &path, QByteArray &out)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    out = file.readAll();
    return true;
}

// case.txt holds "key: value" lines; unknown keys are a mistake in the corpus.
QString readCaseFile(const QString &path, ConformanceCase &c)
{
    QByteArray text;
    if (!readFile(path, text))
        return {};
    for (const QString &line : splitLines(text)) {
        const QString trimmed = line.trimmed();
        if (trimmed.isEmpty() || trimmed.startsWith(u'#'))
            continue;
        const qsizetype colon = trimmed.indexOf(u':');
        if (colon < 0)
            return QStringLiteral("case.txt: expected 'key: value', got '%1'").arg(trimmed);
        const QString key = trimmed.left(colon).trimmed();
        const QString value = trimmed.mid(colon + 1).trimmed();
        if (key == u"render")
            c.renderPath = value;
        else if (key == u"error")
            c.expectError = value == u"true";
        else
            return QStringLiteral("case.txt: unknown key '%1'").arg(key);
    }
    return {};
}

} // namespace

QStringList splitLines(const QByteArray &text)
{
    QString s = QString::fromUtf8(text);
    if (s.endsWith(u'\n'))
        s.chop(1);
    if (s.isEmpty())
        return {};
    return s.split(u'\n');
}

QList<LoadedCase> loadCases(const QString &casesDir)
{
    QList<LoadedCase> cases;
    const QDir dir(casesDir);
    const QStringList names = dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    for (const QString &name : names) {
        LoadedCase loaded;
        ConformanceCase &c = loaded.data;
        c.name = name;
        c.folder = dir.absoluteFilePath(name);
        c.renderPath = QStringLiteral(".");
        loaded.problem = readCaseFile(c.folder + QStringLiteral("/case.txt"), c);
        c.renderDir = QDir::cleanPath(c.folder + u'/' + c.renderPath);

        if (loaded.problem.isEmpty() && c.expectError) {
            QByteArray text;
            if (!readFile(c.folder + QStringLiteral("/expected.error"), text))
                loaded.problem = QStringLiteral("error case without expected.error");
            for (const QString &line : splitLines(text))
                if (!line.trimmed().isEmpty())
                    c.expectedErrorParts << line.trimmed();
            if (loaded.problem.isEmpty() && c.expectedErrorParts.isEmpty())
                loaded.problem = QStringLiteral("expected.error is empty");
        } else if (loaded.problem.isEmpty()) {
            if (!readFile(c.folder + QStringLiteral("/expected.yaml"), c.expectedYaml)
                || !readFile(c.folder + QStringLiteral("/expected.stderr"), c.expectedStderr))
                loaded.problem = QStringLiteral("expected.yaml or expected.stderr missing; run regenerate.sh");
        }
        cases.append(loaded);
    }
    return cases;
}

QString firstDifference(const QByteArray &expected, const QByteArray &actual)
{
    if (expected == actual)
        return {};
    const QStringList want = splitLines(expected);
    const QStringList got = splitLines(actual);
    qsizetype line = 0;
    while (line < want.size() && line < got.size() && want[line] == got[line])
        ++line;

    constexpr qsizetype context = 3;
    constexpr qsizetype shown = 4;
    QString out = QStringLiteral("first difference at line %1 (expected %2 lines, got %3)\n")
                      .arg(line + 1)
                      .arg(want.size())
                      .arg(got.size());
    for (qsizetype i = std::max<qsizetype>(0, line - context); i < line; ++i)
        out += QStringLiteral("   %1\n").arg(want[i]);
    for (qsizetype i = line; i < std::min(want.size(), line + shown); ++i)
        out += QStringLiteral(" - %1\n").arg(want[i]);
    for (qsizetype i = line; i < std::min(got.size(), line + shown); ++i)
        out += QStringLiteral(" + %1\n").arg(got[i]);
    if (line >= want.size() && line >= got.size())
        out += QStringLiteral(" (the texts differ only in their final newline)\n");
    return out;
}

QByteArray stderrText(const std::vector<std::string> &warnings)
{
    QByteArray out;
    for (const std::string &warning : warnings) {
        out += QByteArray::fromStdString(warning);
        if (!out.endsWith('\n'))
            out += '\n';
    }
    return out;
}

QStringList missingParts(const QString &message, const QStringList &parts, const QString &caseFolder)
{
    QString text = message;
    text.replace(caseFolder + u'/', QString());
    QStringList missing;
    for (const QString &part : parts)
        if (!text.contains(part))
            missing << part;
    return missing;
}

} // namespace capstan::conformance
