#include "reconcile/textdiff/side_by_side.h"

#include <QtTest>

using namespace capstan::textdiff;

namespace {

QString line(int n)
{
    return n == Row::NoLine ? QStringLiteral("-") : QString::number(n);
}

// "E0:0 C1:1 R2:- A-:2" — kind letter, left line, right line.
QString describe(const std::vector<Row> &rows)
{
    QStringList parts;
    for (const Row &r : rows) {
        const char kind = r.kind == RowKind::Equal ? 'E'
            : r.kind == RowKind::Changed           ? 'C'
            : r.kind == RowKind::Added             ? 'A'
                                                   : 'R';
        parts << QLatin1Char(kind) + line(r.left) + QLatin1Char(':') + line(r.right);
    }
    return parts.join(QLatin1Char(' '));
}

// The highlighted text of each span, "|"-separated.
QString spanText(std::string_view text, const std::vector<Span> &spans)
{
    QStringList parts;
    for (const Span &s : spans)
        parts << QString::fromUtf8(text.substr(s.start, s.length));
    return parts.join(QLatin1Char('|'));
}

std::string numbered(int count)
{
    std::string text;
    for (int i = 0; i < count; ++i)
        text += "line " + std::to_string(i) + "\n";
    return text;
}

} // namespace

class TestSideBySide : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rows_data()
    {
        QTest::addColumn<QByteArray>("left");
        QTest::addColumn<QByteArray>("right");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<QList<int>>("changeStarts");

        QTest::newRow("identical") << QByteArray("a\nb\n") << QByteArray("a\nb\n") << QStringLiteral("E0:0 E1:1")
                                   << QList<int> {};
        QTest::newRow("changed line") << QByteArray("a\nb\nc\n") << QByteArray("a\nB\nc\n")
                                      << QStringLiteral("E0:0 C1:1 E2:2") << QList<int> { 1 };
        QTest::newRow("added lines leave a gap on the left")
            << QByteArray("a\nc\n") << QByteArray("a\nb1\nb2\nc\n") << QStringLiteral("E0:0 A-:1 A-:2 E1:3")
            << QList<int> { 1 };
        QTest::newRow("removed line leaves a gap on the right")
            << QByteArray("a\nb\nc\n") << QByteArray("a\nc\n") << QStringLiteral("E0:0 R1:- E2:1") << QList<int> { 1 };
        QTest::newRow("two changed, one more added") << QByteArray("a\nb\nc\nz\n") << QByteArray("a\nB\nC\nD\nz\n")
                                                     << QStringLiteral("E0:0 C1:1 C2:2 A-:3 E3:4") << QList<int> { 1 };
        QTest::newRow("empty left") << QByteArray() << QByteArray("x\ny\n") << QStringLiteral("A-:0 A-:1")
                                    << QList<int> { 0 };
        QTest::newRow("empty right") << QByteArray("x\n") << QByteArray() << QStringLiteral("R0:-") << QList<int> { 0 };
        QTest::newRow("two blocks") << QByteArray("a\nb\nc\nd\n") << QByteArray("A\nb\nc\nD\n")
                                    << QStringLiteral("C0:0 E1:1 E2:2 C3:3") << QList<int> { 0, 3 };
    }

    void rows()
    {
        QFETCH(QByteArray, left);
        QFETCH(QByteArray, right);
        QFETCH(QString, expected);
        QFETCH(QList<int>, changeStarts);
        const Lines a = splitLines(std::string_view(left.constData(), left.size()));
        const Lines b = splitLines(std::string_view(right.constData(), right.size()));
        const SideBySide result = alignSideBySide(a, b);
        QCOMPARE(describe(result.rows), expected);
        QCOMPARE(QList<int>(result.changeStarts.begin(), result.changeStarts.end()), changeStarts);
        QCOMPARE(result.identical(), changeStarts.isEmpty());
    }

    void words_data()
    {
        QTest::addColumn<QString>("left");
        QTest::addColumn<QString>("right");
        QTest::addColumn<QString>("leftWords");
        QTest::addColumn<QString>("rightWords");

        QTest::newRow("image tag") << QStringLiteral("        image: nginx:1.25.3")
                                   << QStringLiteral("        image: nginx:1.26.0") << QStringLiteral("25|3")
                                   << QStringLiteral("26|0");
        QTest::newRow("replicas") << QStringLiteral("  replicas: 3") << QStringLiteral("  replicas: 5")
                                  << QStringLiteral("3") << QStringLiteral("5");
        QTest::newRow("words inserted") << QStringLiteral("value: a c") << QStringLiteral("value: a new b c")
                                        << QString() << QStringLiteral("new b");
        QTest::newRow("adjacent words merge")
            << QStringLiteral("msg: hello big world") << QStringLiteral("msg: goodbye small world")
            << QStringLiteral("hello big") << QStringLiteral("goodbye small");
        QTest::newRow("indentation") << QStringLiteral("  key: v") << QStringLiteral("    key: v")
                                     << QStringLiteral("  ") << QStringLiteral("    ");
        QTest::newRow("utf8 words") << QStringLiteral("name: café") << QStringLiteral("name: thé")
                                    << QStringLiteral("café") << QStringLiteral("thé");
        QTest::newRow("empty left") << QString() << QStringLiteral("new: line") << QString()
                                    << QStringLiteral("new: line");
    }

    // Changed lines get word-level highlights on exactly what differs.
    void words()
    {
        QFETCH(QString, left);
        QFETCH(QString, right);
        QFETCH(QString, leftWords);
        QFETCH(QString, rightWords);
        const std::string l = left.toStdString();
        const std::string r = right.toStdString();
        const WordDiff diff = diffWords(l, r);
        QCOMPARE(spanText(l, diff.left), leftWords);
        QCOMPARE(spanText(r, diff.right), rightWords);
    }

    void changedRowsCarrySpans()
    {
        const std::string left = "spec:\n  replicas: 3\n";
        const std::string right = "spec:\n  replicas: 10\n";
        const SideBySide result = alignSideBySide(splitLines(left), splitLines(right));
        QCOMPARE(result.rows.size(), std::size_t(2));
        QVERIFY(result.rows[0].leftSpans.empty());
        QCOMPARE(result.rows[1].leftSpans, (std::vector<Span> { { 12, 1 } }));
        QCOMPARE(result.rows[1].rightSpans, (std::vector<Span> { { 12, 2 } }));
        QCOMPARE(result.changedLines, 1);
    }

    void utf16Offsets()
    {
        const std::string text = "é😀x";
        QCOMPARE(utf16Offset(text, 0), 0);
        QCOMPARE(utf16Offset(text, 2), 1); // after "é"
        QCOMPARE(utf16Offset(text, 6), 3); // after the emoji, a surrogate pair
        QCOMPARE(utf16Offset(text, 7), QString::fromStdString(text).size());
    }

    void folds_data()
    {
        QTest::addColumn<int>("lines");
        QTest::addColumn<QList<int>>("changedLines");
        QTest::addColumn<int>("context");
        QTest::addColumn<QString>("expected");

        QTest::newRow("change in the middle") << 21 << QList<int> { 10 } << 3 << QStringLiteral("0+7 14+7");
        QTest::newRow("change at the top") << 20 << QList<int> { 0 } << 3 << QStringLiteral("4+16");
        QTest::newRow("short run between changes stays open")
            << 20 << QList<int> { 5, 12 } << 3 << QStringLiteral("16+4");
        QTest::newRow("run just long enough folds") << 30 << QList<int> { 5, 15 } << 3 << QStringLiteral("9+3 19+11");
        QTest::newRow("identical folds entirely") << 12 << QList<int> {} << 3 << QStringLiteral("0+12");
        QTest::newRow("no context") << 10 << QList<int> { 5 } << 0 << QStringLiteral("0+5 6+4");
    }

    // Unchanged runs fold away, keeping `context` lines around each change.
    void folds()
    {
        QFETCH(int, lines);
        QFETCH(QList<int>, changedLines);
        QFETCH(int, context);
        QFETCH(QString, expected);
        const std::string left = numbered(lines);
        std::string right;
        for (int i = 0; i < lines; ++i)
            right += (changedLines.contains(i) ? "changed " : "line ") + std::to_string(i) + "\n";
        const SideBySide result = alignSideBySide(splitLines(left), splitLines(right));
        QStringList parts;
        for (const Fold &f : foldUnchanged(result.rows, context, 3))
            parts << QStringLiteral("%1+%2").arg(f.firstRow).arg(f.rowCount);
        QCOMPARE(parts.join(QLatin1Char(' ')), expected);
    }
};

QTEST_GUILESS_MAIN(TestSideBySide)
#include "tst_sidebyside.moc"
