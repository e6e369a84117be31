#include "yamlview.h"

#include <QTest>
#include <QTextBlock>
#include <QTextLayout>

using capstan::ui::YamlView;

class TestYamlView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void themeFollowsPalette_data()
    {
        QTest::addColumn<QColor>("base");
        QTest::addColumn<QString>("theme");
        QTest::newRow("light") << QColor(Qt::white) << QStringLiteral("Breeze Light");
        QTest::newRow("dark") << QColor(0x20, 0x20, 0x24) << QStringLiteral("Breeze Dark");
    }

    void themeFollowsPalette()
    {
        QFETCH(QColor, base);
        QFETCH(QString, theme);
        YamlView view;
        QPalette palette = view.palette();
        palette.setColor(QPalette::Base, base);
        palette.setColor(QPalette::Text, base.lightness() < 128 ? Qt::white : Qt::black);
        view.setPalette(palette);
        QCOMPARE(view.themeName(), theme);
    }

    void isReadOnly()
    {
        YamlView view;
        view.setYaml(QStringLiteral("kind: Service\n"));
        QVERIFY(view.isReadOnly());
        QTest::keyClicks(&view, QStringLiteral("xyz"));
        QCOMPARE(view.toPlainText(), QStringLiteral("kind: Service\n"));
    }

    void keysAndValuesAreHighlightedDifferently()
    {
        YamlView view;
        view.setYaml(QStringLiteral("apiVersion: apps/v1\nkind: Deployment\n"));
        QTRY_VERIFY(!view.document()->firstBlock().layout()->formats().isEmpty());
        const auto formats = view.document()->firstBlock().layout()->formats();
        QColor keyColor, valueColor;
        for (const QTextLayout::FormatRange &range : formats) {
            if (range.start == 0)
                keyColor = range.format.foreground().color();
            if (range.start >= 12)
                valueColor = range.format.foreground().color();
        }
        QVERIFY(keyColor.isValid());
        QVERIFY(keyColor != valueColor);
    }
};

QTEST_MAIN(TestYamlView)
#include "tst_yamlview.moc"
