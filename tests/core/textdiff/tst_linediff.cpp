#include "reconcile/textdiff/line_diff.h"
#include "reconcile/textdiff/unified.h"

#include <QtTest>

#include <random>

using namespace capstan::textdiff;

namespace {

// "ls,lc,rs,rc;..." — compact enough to read in a data table.
QString describe(const std::vector<Hunk> &hunks)
{
    QStringList parts;
    for (const Hunk &h : hunks)
        parts << QStringLiteral("%1,%2,%3,%4").arg(h.leftStart).arg(h.leftCount).arg(h.rightStart).arg(h.rightCount);
    return parts.join(QLatin1Char(';'));
}

// Rebuilds the right side from the left and the hunks: the diff must be a
// faithful edit script, not just a plausible one.
std::vector<std::string_view> apply(const Lines &left, const Lines &right, const std::vector<Hunk> &hunks)
{
    std::vector<std::string_view> out;
    int l = 0;
    for (const Hunk &h : hunks) {
        while (l < h.leftStart)
            out.push_back(left.lines[l++]);
        for (int i = 0; i < h.rightCount; ++i)
            out.push_back(right.lines[h.rightStart + i]);
        l += h.leftCount;
    }
    while (l < left.count())
        out.push_back(left.lines[l++]);
    return out;
}

int lcsLength(const std::vector<char> &a, const std::vector<char> &b)
{
    std::vector<std::vector<int>> t(a.size() + 1, std::vector<int>(b.size() + 1, 0));
    for (std::size_t i = 1; i <= a.size(); ++i)
        for (std::size_t j = 1; j <= b.size(); ++j)
            t[i][j] = a[i - 1] == b[j - 1] ? t[i - 1][j - 1] + 1 : std::max(t[i - 1][j], t[i][j - 1]);
    return t[a.size()][b.size()];
}

} // namespace

class TestLineDiff : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void hunks_data()
    {
        QTest::addColumn<QByteArray>("left");
        QTest::addColumn<QByteArray>("right");
        QTest::addColumn<QString>("expected");

        QTest::newRow("identical") << QByteArray("a\nb\nc\n") << QByteArray("a\nb\nc\n") << QString();
        QTest::newRow("both empty") << QByteArray() << QByteArray() << QString();
        QTest::newRow("empty left") << QByteArray() << QByteArray("a\nb\n") << QStringLiteral("0,0,0,2");
        QTest::newRow("empty right") << QByteArray("a\nb\n") << QByteArray() << QStringLiteral("0,2,0,0");
        QTest::newRow("insertion") << QByteArray("a\nb\nc\n") << QByteArray("a\nb\nx\nc\n")
                                   << QStringLiteral("2,0,2,1");
        QTest::newRow("insertion at start")
            << QByteArray("a\nb\n") << QByteArray("x\na\nb\n") << QStringLiteral("0,0,0,1");
        QTest::newRow("deletion") << QByteArray("a\nb\nc\n") << QByteArray("a\nc\n") << QStringLiteral("1,1,1,0");
        QTest::newRow("deletion at end") << QByteArray("a\nb\nc\n") << QByteArray("a\nb\n")
                                         << QStringLiteral("2,1,2,0");
        QTest::newRow("change") << QByteArray("a\nb\nc\n") << QByteArray("a\nB\nc\n") << QStringLiteral("1,1,1,1");
        QTest::newRow("move first to last")
            << QByteArray("a\nb\nc\nd\n") << QByteArray("b\nc\nd\na\n") << QStringLiteral("0,1,0,0;4,0,3,1");
        QTest::newRow("two separate changes")
            << QByteArray("a\nb\nc\nd\ne\n") << QByteArray("a\nB\nc\nD\ne\n") << QStringLiteral("1,1,1,1;3,1,3,1");
        QTest::newRow("nothing in common")
            << QByteArray("a\nb\n") << QByteArray("c\nd\ne\n") << QStringLiteral("0,2,0,3");
        QTest::newRow("repeated lines") << QByteArray("x\nx\nx\n") << QByteArray("x\nx\n") << QStringLiteral("2,1,2,0");
        // Ambiguous blocks start where a YAML item starts, not half-way into the previous one.
        QTest::newRow("list item inserted")
            << QByteArray("env:\n- name: A\n  value: x\n- name: C\n  value: x\n")
            << QByteArray("env:\n- name: A\n  value: x\n- name: B\n  value: x\n- name: C\n  value: x\n")
            << QStringLiteral("3,0,3,2");
        QTest::newRow("item with a repeated name inserted first")
            << QByteArray("- name: x\n  v: 1\n") << QByteArray("- name: x\n  v: 2\n- name: x\n  v: 1\n")
            << QStringLiteral("0,0,0,2");
        QTest::newRow("repeated item removed")
            << QByteArray("items:\n- a\n  x: 1\n- a\n  x: 1\nend: 1\n") << QByteArray("items:\n- a\n  x: 1\nend: 1\n")
            << QStringLiteral("3,2,3,0");
        QTest::newRow("right lacks final newline")
            << QByteArray("a\nb\n") << QByteArray("a\nb") << QStringLiteral("1,1,1,1");
        QTest::newRow("both lack final newline") << QByteArray("a\nb") << QByteArray("a\nb") << QString();
        QTest::newRow("crlf differs from lf")
            << QByteArray("a\r\nb\n") << QByteArray("a\nb\n") << QStringLiteral("0,1,0,1");
    }

    void hunks()
    {
        QFETCH(QByteArray, left);
        QFETCH(QByteArray, right);
        QFETCH(QString, expected);
        const Lines a = splitLines(std::string_view(left.constData(), left.size()));
        const Lines b = splitLines(std::string_view(right.constData(), right.size()));
        const std::vector<Hunk> hunks = diffLines(a, b);
        QCOMPARE(describe(hunks), expected);
        QVERIFY(apply(a, b, hunks) == b.lines);
    }

    // Random small inputs against a textbook LCS: the diff is a valid edit
    // script of minimal length, whatever the shape of the input.
    void minimalOnRandomInput()
    {
        std::mt19937 rng(7);
        for (int round = 0; round < 600; ++round) {
            const int alphabet = 2 + round % 4;
            std::vector<char> a(rng() % 40), b(rng() % 40);
            for (char &c : a)
                c = static_cast<char>('a' + rng() % alphabet);
            for (char &c : b)
                c = static_cast<char>('a' + rng() % alphabet);
            std::string left, right;
            for (char c : a)
                (left += c) += '\n';
            for (char c : b)
                (right += c) += '\n';
            const Lines la = splitLines(left);
            const Lines lb = splitLines(right);
            const std::vector<Hunk> hunks = diffLines(la, lb);
            QVERIFY(apply(la, lb, hunks) == lb.lines);
            int edits = 0;
            for (const Hunk &h : hunks)
                edits += h.leftCount + h.rightCount;
            QCOMPARE(edits, static_cast<int>(a.size() + b.size()) - 2 * lcsLength(a, b));
        }
    }

    void unified_data()
    {
        QTest::addColumn<QByteArray>("left");
        QTest::addColumn<QByteArray>("right");
        QTest::addColumn<QByteArray>("expected");

        QTest::newRow("identical") << QByteArray("a\n") << QByteArray("a\n") << QByteArray();
        QTest::newRow("one change with context")
            << QByteArray("1\n2\n3\n4\n5\n6\n7\n8\n9\n") << QByteArray("1\n2\n3\n4\nfive\n6\n7\n8\n9\n")
            << QByteArray("--- a/x\n+++ b/x\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n");
        QTest::newRow("new file") << QByteArray() << QByteArray("a\nb\n")
                                  << QByteArray("--- a/x\n+++ b/x\n@@ -0,0 +1,2 @@\n+a\n+b\n");
        QTest::newRow("single line counts omitted")
            << QByteArray("a\n") << QByteArray("b\n") << QByteArray("--- a/x\n+++ b/x\n@@ -1 +1 @@\n-a\n+b\n");
        QTest::newRow("no newline at end")
            << QByteArray("a\nb\n") << QByteArray("a\nb")
            << QByteArray("--- a/x\n+++ b/x\n@@ -1,2 +1,2 @@\n a\n-b\n+b\n\\ No newline at end of file\n");
        QTest::newRow("far apart changes make two hunks")
            << QByteArray("1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n")
            << QByteArray("one\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\ntwelve\n")
            << QByteArray("--- a/x\n+++ b/x\n@@ -1,4 +1,4 @@\n-1\n+one\n 2\n 3\n 4\n@@ -9,4 +9,4 @@\n 9\n 10\n "
                          "11\n-12\n+twelve\n");
        QTest::newRow("close changes share a hunk")
            << QByteArray("1\n2\n3\n4\n5\n6\n7\n8\n") << QByteArray("one\n2\n3\n4\n5\n6\n7\neight\n")
            << QByteArray("--- a/x\n+++ b/x\n@@ -1,8 +1,8 @@\n-1\n+one\n 2\n 3\n 4\n 5\n 6\n 7\n-8\n+eight\n");
    }

    // Output as `diff -u` prints it, so `capstanctl app diff` reads like any other diff.
    void unified()
    {
        QFETCH(QByteArray, left);
        QFETCH(QByteArray, right);
        QFETCH(QByteArray, expected);
        const std::string out = unifiedDiff(std::string_view(left.constData(), left.size()),
            std::string_view(right.constData(), right.size()), "a/x", "b/x");
        QCOMPARE(QByteArray::fromStdString(out), expected);
    }
};

QTEST_GUILESS_MAIN(TestLineDiff)
#include "tst_linediff.moc"
