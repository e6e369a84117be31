#include "diff/diffarea.h"
#include "diff/diffview.h"
#include "diff/linehighlighter.h"
#include "diff/resourcedifflist.h"
#include "diff/resourcediffmodel.h"
#include "manifest/yaml_reader.h"
#include "reconcile/compare/compare.h"
#include "yamlview.h"

#include <KSyntaxHighlighting/Theme>

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QListView>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>

using namespace capstan::ui;
using capstan::textdiff::RowKind;

namespace {

// `count` numbered lines "key<i>: value<i>".
QByteArrayList numberedLines(int count)
{
    QByteArrayList lines;
    for (int i = 0; i < count; ++i)
        lines << "key" + QByteArray::number(i) + ": value" + QByteArray::number(i);
    return lines;
}

QByteArray text(const QByteArrayList &lines)
{
    return lines.join('\n') + '\n';
}

// A document whose changes sit at lines 100, 200 and 300 of 400.
DiffDocumentPtr threeChanges()
{
    const QByteArrayList left = numberedLines(400);
    QByteArrayList right = left;
    right[100] = "key100: changed";
    right[200] = "key200: changed";
    right[300] = "key300: changed";
    return buildDiffDocument(QStringLiteral("Live"), text(left), QStringLiteral("Desired"), text(right));
}

// 400 lines, every seventh changed: too close together for anything to fold.
DiffDocumentPtr everySeventhLineChanged()
{
    const QByteArrayList left = numberedLines(400);
    QByteArrayList right = left;
    for (int i = 5; i < right.size(); i += 7)
        right[i] += " # changed";
    return buildDiffDocument(QStringLiteral("Live"), text(left), QStringLiteral("Desired"), text(right));
}

QPalette paletteWithBase(const QColor &base)
{
    QPalette palette;
    const QColor fore = base.lightness() < 128 ? QColor(Qt::white) : QColor(Qt::black);
    palette.setColor(QPalette::Base, base);
    palette.setColor(QPalette::Window, base);
    palette.setColor(QPalette::Text, fore);
    palette.setColor(QPalette::WindowText, fore);
    return palette;
}

} // namespace

class TestDiffView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rowsArePaintedInOrderWithTheirColours()
    {
        // Unchanged, changed, removed, unchanged, added.
        const QByteArray left = "a: 1\nb: 2\nc: 3\nd: 4\n";
        const QByteArray right = "a: 1\nb: 20\nd: 4\ne: 5\n";
        DiffView view;
        view.resize(800, 300);
        view.setDocument(buildDiffDocument(QStringLiteral("L"), left, QStringLiteral("R"), right));
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        DiffArea *area = view.area();
        QCOMPARE(area->visualRowCount(), 5);

        const QImage image = area->viewport()->grab().toImage();
        const DiffColors &colors = area->colors();
        struct Expect
        {
            int left;
            int right;
            RowKind kind;
            QColor leftColor;
            QColor rightColor;
        };
        const Expect expected[] = {
            { 0, 0, RowKind::Equal, colors.base, colors.base },
            { 1, 1, RowKind::Changed, colors.removed, colors.added },
            { 2, -1, RowKind::Removed, colors.removed, QColor() },
            { 3, 2, RowKind::Equal, colors.base, colors.base },
            { -1, 3, RowKind::Added, QColor(), colors.added },
        };
        const int half = area->viewport()->width() / 2;
        for (int v = 0; v < 5; ++v) {
            const auto &row = area->document()->diff.rows[static_cast<std::size_t>(area->rowAt(v))];
            QCOMPARE(area->rowAt(v), v);
            QCOMPARE(row.left, expected[v].left);
            QCOMPARE(row.right, expected[v].right);
            QCOMPARE(row.kind, expected[v].kind);
            // Sample the far end of each half, where no text is drawn.
            const QRect rect = area->visualRowRect(v);
            const QColor leftPixel = image.pixelColor(half - 10, rect.center().y());
            const QColor rightPixel = image.pixelColor(area->viewport()->width() - 10, rect.center().y());
            if (expected[v].leftColor.isValid())
                QCOMPARE(leftPixel, expected[v].leftColor);
            else
                QVERIFY(leftPixel == colors.filler || leftPixel == colors.fillerHatch);
            if (expected[v].rightColor.isValid())
                QCOMPARE(rightPixel, expected[v].rightColor);
            else
                QVERIFY(rightPixel == colors.filler || rightPixel == colors.fillerHatch);
        }
        QCOMPARE(area->document()->left.lineText(1), QStringLiteral("b: 2"));
        QCOMPARE(area->document()->right.lineText(1), QStringLiteral("b: 20"));
    }

    void changedWordsAreHighlighted()
    {
        DiffView view;
        view.resize(800, 200);
        view.setDocument(
            buildDiffDocument(QStringLiteral("L"), "image: shop:1.4.2\n", QStringLiteral("R"), "image: shop:1.5.0\n"));
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const auto &row = view.area()->document()->diff.rows.at(0);
        QCOMPARE(row.kind, RowKind::Changed);
        QVERIFY(!row.rightSpans.empty());
        // The word colour appears on the right half, not only the line colour.
        const QImage image = view.area()->viewport()->grab().toImage();
        const int y = view.area()->visualRowRect(0).center().y();
        bool wordColourSeen = false;
        for (int x = image.width() / 2; x < image.width(); ++x)
            wordColourSeen = wordColourSeen || image.pixelColor(x, y) == view.area()->colors().addedWord;
        QVERIFY(wordColourSeen);
    }

    void highlightingIsTheSameInAnyOrder()
    {
        // A block scalar in the second document: its lines depend on the state above them.
        const DiffDocumentPtr document = buildDiffDocument(QStringLiteral("L"),
            "apiVersion: v1\nkind: ConfigMap\n---\ndata:\n  script: |\n    echo: not a key\n    # not a comment\n"
            "kind: ConfigMap\n---\nkind: Secret\n",
            QStringLiteral("R"), QByteArray());
        QCOMPARE(document->left.documentStarts, (std::vector<int> { 0, 2, 8 }));
        LineHighlighter downwards;
        LineHighlighter upwards;
        const KSyntaxHighlighting::Theme theme = themeForPalette(paletteWithBase(Qt::white));
        downwards.setTheme(theme);
        upwards.setTheme(theme);
        downwards.setSide(&document->left);
        upwards.setSide(&document->left);
        const int lines = document->left.lineCount();
        std::vector<QList<QTextLayout::FormatRange>> expected;
        for (int line = 0; line < lines; ++line)
            expected.push_back(downwards.formats(line));
        for (int line = lines - 1; line >= 0; --line)
            QCOMPARE(upwards.formats(line), expected[static_cast<std::size_t>(line)]);
        // In context, the block scalar's line is text; alone, it reads as a key: the order test above means something.
        const DiffDocumentPtr alone
            = buildDiffDocument(QStringLiteral("L"), "    echo: not a key\n", QStringLiteral("R"), QByteArray());
        LineHighlighter fresh;
        fresh.setTheme(theme);
        fresh.setSide(&alone->left);
        QVERIFY(fresh.formats(0) != expected[5]);
    }

    void f7AndShiftF7MoveBetweenChanges()
    {
        DiffView view;
        view.resize(800, 400);
        view.setDocument(everySeventhLineChanged());
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        DiffArea *area = view.area();
        area->setFocus();
        const auto &starts = area->document()->diff.changeStarts;
        QCOMPARE(starts.size(), std::size_t(57));
        QVERIFY(area->document()->folds.empty());
        QVERIFY(area->visibleRowCount() >= 9);
        QSignalSpy moved(area, &DiffArea::currentChangeChanged);

        // A change moved to is shown with three unchanged rows above it.
        const auto shownAtTop = [area](int row) {
            const int v = area->visualRowOfRow(row);
            return area->rowAt(area->cursorRow()) == row && area->verticalScrollBar()->value() == std::max(0, v - 3);
        };
        QTest::keyClick(area, Qt::Key_F7);
        QCOMPARE(area->currentChange(), 0);
        QVERIFY(shownAtTop(starts[0]));
        for (int i = 0; i < 19; ++i)
            QTest::keyClick(area, Qt::Key_F7);
        QCOMPARE(area->currentChange(), 19);
        QCOMPARE(starts[19], 5 + 7 * 19);
        QVERIFY(shownAtTop(starts[19]));
        QTest::keyClick(area, Qt::Key_F7, Qt::ShiftModifier);
        QCOMPARE(area->currentChange(), 18);
        QVERIFY(shownAtTop(starts[18]));
        QCOMPARE(moved.count(), 21);
        QCOMPARE(area->accessibleDescription(), QStringLiteral("Change 19 of 57"));

        // Past the last change, F7 stays there.
        area->setCursorRow(area->visualRowCount() - 1);
        QTest::keyClick(area, Qt::Key_F7);
        QCOMPARE(area->currentChange(), 18);
        QTest::keyClick(area, Qt::Key_F7, Qt::ShiftModifier);
        QCOMPARE(area->currentChange(), 56);

        // The toolbar actions do the same, and say what they do.
        view.previousChangeAction()->trigger();
        QCOMPARE(area->currentChange(), 55);
        QCOMPARE(view.nextChangeAction()->shortcut(), QKeySequence(Qt::Key_F7));
        QCOMPARE(view.previousChangeAction()->text(), QStringLiteral("Previous Change"));
    }

    void foldsExpandByClick()
    {
        DiffView view;
        view.resize(800, 300);
        view.setDocument(threeChanges());
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        DiffArea *area = view.area();
        // 400 rows, three changes: four folded runs.
        QCOMPARE(area->document()->folds.size(), std::size_t(4));
        QCOMPARE(area->foldAt(0), 0);
        const int before = area->visualRowCount();
        const int hidden = area->document()->folds[0].rowCount;
        QTest::mouseClick(area->viewport(), Qt::LeftButton, {}, area->visualRowRect(0).center());
        QVERIFY(area->isFoldExpanded(0));
        QCOMPARE(area->visualRowCount(), before + hidden - 1);
        QCOMPARE(area->rowAt(0), 0);
        QCOMPARE(area->foldAt(0), -1);
    }

    void foldsExpandByEnter()
    {
        DiffView view;
        view.resize(800, 300);
        view.setDocument(threeChanges());
        DiffArea *area = view.area();
        QTest::keyClick(area, Qt::Key_F7); // to the first change, just below fold 0
        int foldRow = area->cursorRow();
        while (area->foldAt(foldRow) < 0)
            ++foldRow;
        const int fold = area->foldAt(foldRow);
        QCOMPARE(fold, 1);
        while (area->cursorRow() < foldRow)
            QTest::keyClick(area, Qt::Key_Down);
        QTest::keyClick(area, Qt::Key_Return);
        QVERIFY(area->isFoldExpanded(1));
        QVERIFY(!area->isFoldExpanded(0));
        QCOMPARE(area->foldAt(area->cursorRow()), -1);
        QCOMPARE(area->rowAt(area->cursorRow()), area->document()->folds[1].firstRow);
    }

    void headerShowsCounts_data()
    {
        QTest::addColumn<QByteArray>("left");
        QTest::addColumn<QByteArray>("right");
        QTest::addColumn<QString>("counts");
        QTest::newRow("one of each") << QByteArray("a: 1\nb: 2\nc: 3\n") << QByteArray("a: 1\nb: 3\nd: 4\ne: 5\n")
                                     << QStringLiteral("+1 −0 ~2");
        QTest::newRow("added") << QByteArray("a: 1\n") << QByteArray("a: 1\nb: 2\nc: 3\n")
                               << QStringLiteral("+2 −0 ~0");
        QTest::newRow("removed") << QByteArray("a: 1\nb: 2\n") << QByteArray("b: 2\n") << QStringLiteral("+0 −1 ~0");
        QTest::newRow("identical") << QByteArray("a: 1\n") << QByteArray("a: 1\n") << QStringLiteral("No differences");
    }

    void headerShowsCounts()
    {
        QFETCH(QByteArray, left);
        QFETCH(QByteArray, right);
        QFETCH(QString, counts);
        DiffView view;
        view.setDocument(buildDiffDocument(QStringLiteral("Live"), left, QStringLiteral("Desired (Git)"), right));
        QCOMPARE(view.countsText(), counts);
        const auto labels = view.findChildren<QLabel *>();
        const auto shows = [&labels](const QString &text) {
            return std::any_of(labels.begin(), labels.end(), [&](QLabel *l) { return l->text() == text; });
        };
        QVERIFY(shows(counts));
        QVERIFY(shows(QStringLiteral("Live")));
        QVERIFY(shows(QStringLiteral("Desired (Git)")));
    }

    void showDiffBuildsOffTheGuiThread()
    {
        DiffView view;
        QSignalSpy shown(&view, &DiffView::documentShown);
        view.showDiff(QStringLiteral("old"), "a: 1\n", QStringLiteral("older"), "a: 2\n");
        view.showDiff(QStringLiteral("Live"), "a: 1\n", QStringLiteral("Desired"), "a: 1\nb: 2\n");
        QVERIFY(shown.wait(60000));
        QCOMPARE(view.document()->right.label, QStringLiteral("Desired"));
        QCOMPARE(view.countsText(), QStringLiteral("+1 −0 ~0"));
    }

    void secretValuesAreMasked_data()
    {
        QTest::addColumn<QByteArray>("left");
        QTest::addColumn<QByteArray>("right");
        QTest::addColumn<QByteArray>("maskedLeft");
        QTest::addColumn<QByteArray>("maskedRight");

        QTest::newRow("changed value, same value, new key")
            << QByteArray("apiVersion: v1\ndata:\n  password: c2VjcmV0\n  user: YWRtaW4=\nkind: Secret\n")
            << QByteArray("apiVersion: v1\ndata:\n  password: bmV3\n  token: dG9r\n  user: YWRtaW4=\nkind: Secret\n")
            << QByteArray("apiVersion: v1\ndata:\n  password: ++++++++\n  user: ++++++++\nkind: Secret\n")
            << QByteArray("apiVersion: v1\ndata:\n  password: ++++++++++++\n  token: ++++++++\n"
                          "  user: ++++++++\nkind: Secret\n");
        QTest::newRow("stringData and a block scalar")
            << QByteArray("kind: Secret\nstringData:\n  config: |\n    user=admin\n    password=hunter2\n"
                          "type: Opaque\n")
            << QByteArray() << QByteArray("kind: Secret\nstringData:\n  config: ++++++++\ntype: Opaque\n")
            << QByteArray();
        QTest::newRow("already masked stays")
            << QByteArray("data:\n  a: ++++++++\n  b: ++++++++++++\nkind: Secret\n")
            << QByteArray("data:\n  a: cGxhaW4=\n  b: ++++++++++++\nkind: Secret\n")
            << QByteArray("data:\n  a: ++++++++\n  b: ++++++++++++\nkind: Secret\n")
            << QByteArray("data:\n  a: ++++++++++++\n  b: ++++++++++++\nkind: Secret\n");
        QTest::newRow("only the Secret of a stream")
            << QByteArray("data:\n  a: plain\nkind: ConfigMap\n---\ndata:\n  a: c2VjcmV0\nkind: Secret\n")
            << QByteArray()
            << QByteArray("data:\n  a: plain\nkind: ConfigMap\n---\ndata:\n  a: ++++++++\nkind: Secret\n")
            << QByteArray();
        QTest::newRow("flow mapping") << QByteArray("apiVersion: v1\ndata: {a: c2VjcmV0}\nkind: Secret\n")
                                      << QByteArray() << QByteArray("apiVersion: v1\ndata: ++++++++\nkind: Secret\n")
                                      << QByteArray();
    }

    void secretValuesAreMasked()
    {
        QFETCH(QByteArray, left);
        QFETCH(QByteArray, right);
        QFETCH(QByteArray, maskedLeft);
        QFETCH(QByteArray, maskedRight);
        const DiffDocumentPtr document = buildDiffDocument(QStringLiteral("L"), left, QStringLiteral("R"), right);
        QCOMPARE(document->left.text, maskedLeft);
        QCOMPARE(document->right.text, maskedRight);
    }

    void maskedSecretStillShowsWhichKeyChanged()
    {
        const DiffDocumentPtr document
            = buildDiffDocument(QStringLiteral("L"), "data:\n  a: b25l\n  b: dHdv\nkind: Secret\n", QStringLiteral("R"),
                "data:\n  a: b25l\n  b: dGhyZWU=\nkind: Secret\n");
        QCOMPARE(document->diff.changedLines, 1);
        QCOMPARE(document->diff.rows.at(2).kind, RowKind::Changed);
        QVERIFY(!document->left.text.contains("dHdv"));
        QVERIFY(!document->right.text.contains("dGhyZWU="));
    }

    void themeFollowsPalette_data()
    {
        QTest::addColumn<QColor>("base");
        QTest::addColumn<QString>("theme");
        QTest::newRow("light") << QColor(Qt::white) << QStringLiteral("Breeze Light");
        QTest::newRow("dark") << QColor(0x1b, 0x1e, 0x20) << QStringLiteral("Breeze Dark");
    }

    void themeFollowsPalette()
    {
        QFETCH(QColor, base);
        QFETCH(QString, theme);
        DiffView view;
        view.setPalette(paletteWithBase(base));
        QCOMPARE(view.area()->themeName(), theme);
        // Row colours keep the palette's lightness, so dark stays dark.
        const bool dark = base.lightness() < 128;
        QCOMPARE(view.area()->colors().added.lightness() < 128, dark);
        QCOMPARE(view.area()->colors().removed.lightness() < 128, dark);
        QVERIFY(view.area()->colors().added != view.area()->colors().removed);
    }

    void resourceModelPresentsDiffs()
    {
        ResourceDiffModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setDiffs(buildResourceDiffs(
            std::vector<ResourceTexts> {
                { QStringLiteral("apps/Deployment:prod/frontend"), "replicas: 3\nimage: a\n",
                    "replicas: 5\nimage: a\n" },
                { QStringLiteral("/Service:prod/frontend"), "port: 80\n", "port: 80\n" }, // equal: dropped
                { QStringLiteral("/ConfigMap:prod/new"), "", "a: 1\nb: 2\n" },
            },
            QStringLiteral("abc1234"), QStringLiteral("def5678")));
        QCOMPARE(model.rowCount(), 2);
        const QModelIndex first = model.index(0);
        QCOMPARE(first.data().toString(), QStringLiteral("apps/Deployment:prod/frontend"));
        QCOMPARE(first.data(ResourceDiffModel::StatusRole).toString(), QStringLiteral("Modified"));
        QCOMPARE(first.data(ResourceDiffModel::ChangedRole).toInt(), 1);
        const QModelIndex second = model.index(1);
        QCOMPARE(second.data(ResourceDiffModel::StatusRole).toString(), QStringLiteral("Added"));
        QCOMPARE(second.data(ResourceDiffModel::AddedRole).toInt(), 2);
        QCOMPARE(second.data(ResourceDiffModel::RemovedRole).toInt(), 0);
        QVERIFY(second.data(Qt::AccessibleTextRole).toString().contains(QStringLiteral("2 added")));
        model.setDiffs({});
        QCOMPARE(model.rowCount(), 0);
    }

    void selectingAResourceShowsItsDiff()
    {
        capstan::compare::CompareResult result;
        result.status = capstan::compare::SyncStatus::OutOfSync;
        capstan::compare::ResourceComparison synced;
        synced.id = { "", "v1", "Service", "prod", "frontend" };
        synced.desiredYaml = synced.liveYaml = "kind: Service\n";
        capstan::compare::ResourceComparison outOfSync;
        outOfSync.id = { "apps", "v1", "Deployment", "prod", "frontend" };
        outOfSync.status = capstan::compare::ResourceStatus::OutOfSync;
        outOfSync.liveYaml = "kind: Deployment\nspec:\n  replicas: 3\n";
        outOfSync.desiredYaml = "kind: Deployment\nspec:\n  replicas: 5\n";
        capstan::compare::ResourceComparison missing;
        missing.id = { "", "v1", "ConfigMap", "prod", "settings" };
        missing.status = capstan::compare::ResourceStatus::Missing;
        missing.desiredYaml = "kind: ConfigMap\n";
        result.resources = { synced, outOfSync, missing };

        ResourceDiffList list;
        QAbstractItemModelTester tester(list.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy shown(&list, &ResourceDiffList::diffsShown);
        list.showComparison(result);
        QVERIFY(shown.wait(60000));
        QCOMPARE(list.model()->rowCount(), 2);
        QCOMPARE(list.model()->index(0).data(ResourceDiffModel::StatusRole).toString(), QStringLiteral("OutOfSync"));
        QCOMPARE(list.model()->index(1).data(ResourceDiffModel::StatusRole).toString(), QStringLiteral("Missing"));
        // The first is shown, live on the left.
        QCOMPARE(list.diffView()->document()->left.label, QStringLiteral("Live"));
        QVERIFY(list.diffView()->document()->right.text.contains("replicas: 5"));

        list.show();
        QVERIFY(QTest::qWaitForWindowExposed(&list));
        list.listView()->setFocus();
        QTest::keyClick(list.listView(), Qt::Key_Down);
        QCOMPARE(list.listView()->currentIndex().row(), 1);
        QCOMPARE(list.diffView()->document()->right.text, QByteArray("kind: ConfigMap\n"));
        QCOMPARE(list.diffView()->countsText(), QStringLiteral("+1 −0 ~0"));
    }

    void twoRevisionsArePairedByResource()
    {
        const auto left = capstan::manifest::parseObjects(
            "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: prod}\nspec: {replicas: 3}\n"
            "---\napiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: prod}\n"
            "---\napiVersion: v1\nkind: Secret\nmetadata: {name: creds, namespace: prod}\n"
            "data: {password: b2xk, user: YWRtaW4=}\n",
            "abc1234.yaml");
        const auto right = capstan::manifest::parseObjects(
            "apiVersion: v1\nkind: Secret\nmetadata: {name: creds, namespace: prod}\n"
            "data: {password: bmV3, user: YWRtaW4=}\n"
            "---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings, namespace: prod}\n"
            "---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: prod}\nspec: {replicas: 5}\n",
            "def5678.yaml");
        QVERIFY(left.ok() && right.ok());

        ResourceDiffList list;
        QAbstractItemModelTester tester(list.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy shown(&list, &ResourceDiffList::diffsShown);
        list.showRevisions(QStringLiteral("abc1234"), *left, QStringLiteral("def5678"), *right);
        QVERIFY(shown.wait(60000));

        const ResourceDiffModel *model = list.model();
        QCOMPARE(model->rowCount(), 4);
        const QStringList expected
            = { QStringLiteral("apps/Deployment:prod/web Modified"), QStringLiteral("/Service:prod/web Removed"),
                  QStringLiteral("/Secret:prod/creds Modified"), QStringLiteral("/ConfigMap:prod/settings Added") };
        for (int row = 0; row < 4; ++row) {
            const QModelIndex index = model->index(row);
            QCOMPARE(index.data().toString() + QLatin1Char(' ') + index.data(ResourceDiffModel::StatusRole).toString(),
                expected[row]);
        }
        // The changed password shows as changed, and neither value is shown.
        const DiffDocument &secret = *model->diffAt(2)->document;
        QCOMPARE(secret.diff.changedLines, 1);
        QVERIFY(secret.left.text.contains("password: ++++++++\n"));
        QVERIFY(secret.right.text.contains("password: ++++++++++++\n"));
        QVERIFY(!secret.left.text.contains("b2xk") && !secret.right.text.contains("bmV3"));
        QVERIFY(!secret.left.text.contains("YWRtaW4="));
        QCOMPARE(list.diffView()->document()->left.label, QStringLiteral("abc1234"));
    }
};

QTEST_MAIN(TestDiffView)
#include "tst_diffview.moc"
