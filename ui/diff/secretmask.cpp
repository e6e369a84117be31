#include "diff/secretmask.h"

#include <QHash>
#include <QList>
#include <QSet>

#include <string_view>

namespace capstan::ui {

namespace {

// A value to hide: its line, and where on the line it starts and ends.
struct SecretValue
{
    qsizetype lineStart = 0;
    qsizetype valueStart = 0; // byte offset in the text
    qsizetype valueEnd = 0;
    QByteArray key;
    QByteArray value; // for equality; block scalars include their continuation lines
};

bool isMask(QByteArrayView value)
{
    if (value.size() < 8)
        return false;
    for (char c : value) {
        if (c != '+')
            return false;
    }
    return true;
}

qsizetype indentOf(QByteArrayView line)
{
    qsizetype i = 0;
    while (i < line.size() && line[i] == ' ')
        ++i;
    return i;
}

bool isDocumentSeparator(QByteArrayView line)
{
    return line.startsWith("---") && (line.size() == 3 || line[3] == ' ' || line[3] == '\r');
}

QByteArrayView trimmed(QByteArrayView v)
{
    return v.trimmed();
}

// The lines of one document, as [start, end) byte ranges of the text.
struct LineRange
{
    qsizetype start;
    qsizetype end; // excluding "\n"
};

bool isSecretDocument(const QByteArray &text, const QList<LineRange> &lines)
{
    for (const LineRange &l : lines) {
        const QByteArrayView line(text.constData() + l.start, l.end - l.start);
        if (line.startsWith("kind:") && trimmed(line.sliced(5)) == "Secret")
            return true;
    }
    return false;
}

// The values of one Secret document's data and stringData, in order.
void collectValues(const QByteArray &text, const QList<LineRange> &lines, QList<SecretValue> &out)
{
    bool inData = false;
    qsizetype entryIndent = -1;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const LineRange &l = lines[i];
        const QByteArrayView line(text.constData() + l.start, l.end - l.start);
        const qsizetype indent = indentOf(line);
        if (indent == line.size() || line[indent] == '#')
            continue; // blank or comment
        if (indent == 0) {
            const bool dataKey = line.startsWith("data:") || line.startsWith("stringData:");
            inData = dataKey;
            entryIndent = -1;
            if (dataKey) {
                const qsizetype colon = line.indexOf(':');
                const QByteArrayView rest = trimmed(line.sliced(colon + 1));
                // A flow mapping on the same line: hide it whole.
                if (!rest.isEmpty() && !rest.startsWith('#') && !isMask(rest)) {
                    const qsizetype offset = line.indexOf(rest.at(0), colon + 1);
                    out.append(
                        { l.start, l.start + offset, l.end, line.first(colon).toByteArray(), rest.toByteArray() });
                }
            }
            continue;
        }
        if (!inData)
            continue;
        if (entryIndent < 0)
            entryIndent = indent;
        if (indent != entryIndent)
            continue; // continuation lines are handled with their key below
        const qsizetype colon = line.indexOf(':');
        if (colon < 0)
            continue;
        SecretValue value;
        value.lineStart = l.start;
        value.key = trimmed(line.first(colon)).toByteArray();
        qsizetype start = colon + 1;
        while (start < line.size() && line[start] == ' ')
            ++start;
        value.valueStart = l.start + start;
        value.valueEnd = l.end;
        value.value = line.sliced(start).toByteArray();
        // A block scalar or nested value continues on more-indented lines: they
        // become part of the value and are removed when it is masked.
        while (i + 1 < lines.size()) {
            const LineRange &next = lines[i + 1];
            const QByteArrayView nextLine(text.constData() + next.start, next.end - next.start);
            const qsizetype nextIndent = indentOf(nextLine);
            if (nextIndent < nextLine.size() && nextIndent <= entryIndent)
                break;
            value.value += '\n';
            value.value += nextLine.toByteArray();
            value.valueEnd = next.end;
            ++i;
        }
        if (!isMask(value.value))
            out.append(value);
    }
}

QList<SecretValue> secretValues(const QByteArray &text)
{
    QList<SecretValue> values;
    QList<LineRange> document;
    auto finishDocument = [&] {
        if (isSecretDocument(text, document))
            collectValues(text, document, values);
        document.clear();
    };
    qsizetype start = 0;
    while (start < text.size()) {
        qsizetype end = text.indexOf('\n', start);
        if (end < 0)
            end = text.size();
        qsizetype contentEnd = end;
        if (contentEnd > start && text[contentEnd - 1] == '\r')
            --contentEnd;
        const QByteArrayView line(text.constData() + start, contentEnd - start);
        if (isDocumentSeparator(line))
            finishDocument();
        else
            document.append({ start, contentEnd });
        start = end + 1;
    }
    finishDocument();
    return values;
}

// Masks already in the texts, per key, so new masks never collide with them.
QHash<QByteArray, QSet<QByteArray>> existingMasks(const QByteArray &text)
{
    QHash<QByteArray, QSet<QByteArray>> masks;
    qsizetype start = 0;
    while (start < text.size()) {
        qsizetype end = text.indexOf('\n', start);
        if (end < 0)
            end = text.size();
        const QByteArrayView line = QByteArrayView(text.constData() + start, end - start).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon > 0) {
            const QByteArrayView value = line.sliced(colon + 1).trimmed();
            if (isMask(value))
                masks[line.first(colon).trimmed().toByteArray()].insert(value.toByteArray());
        }
        start = end + 1;
    }
    return masks;
}

void applyMasks(QByteArray &text, const QList<SecretValue> &values, const QList<QByteArray> &masks)
{
    // Back to front, so earlier offsets stay valid.
    for (qsizetype i = values.size() - 1; i >= 0; --i)
        text.replace(values[i].valueStart, values[i].valueEnd - values[i].valueStart, masks[i]);
}

} // namespace

void maskSecretValues(QByteArray &left, QByteArray &right)
{
    const QList<SecretValue> leftValues = secretValues(left);
    const QList<SecretValue> rightValues = secretValues(right);
    if (leftValues.isEmpty() && rightValues.isEmpty())
        return;

    QHash<QByteArray, QSet<QByteArray>> used = existingMasks(left);
    for (auto [key, masks] : existingMasks(right).asKeyValueRange())
        used[key].unite(masks);

    QHash<QByteArray, QHash<QByteArray, QByteArray>> maskOf; // key → value → mask
    auto maskFor = [&](const SecretValue &v) {
        QByteArray &mask = maskOf[v.key][v.value];
        if (mask.isEmpty()) {
            QSet<QByteArray> &taken = used[v.key];
            QByteArray candidate(8, '+');
            while (taken.contains(candidate))
                candidate += "++++";
            taken.insert(candidate);
            mask = candidate;
        }
        return mask;
    };
    QList<QByteArray> leftMasks, rightMasks;
    for (const SecretValue &v : leftValues)
        leftMasks.append(maskFor(v));
    for (const SecretValue &v : rightValues)
        rightMasks.append(maskFor(v));
    applyMasks(left, leftValues, leftMasks);
    applyMasks(right, rightValues, rightMasks);
}

} // namespace capstan::ui
