#include "manifest/yaml_reader.h"
#include "manifest/yaml_writer.h"

#include <QDir>
#include <QFile>
#include <QTest>

using namespace capstan::manifest;

namespace {

QByteArray readFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

// "line N: expected ... / actual ..." for the first line that differs.
QString firstDifference(const QByteArray &expected, const QByteArray &actual)
{
    const QList<QByteArray> e = expected.split('\n'), a = actual.split('\n');
    for (qsizetype i = 0; i < std::max(e.size(), a.size()); ++i) {
        const QByteArray el = i < e.size() ? e[i] : "<end>", al = i < a.size() ? a[i] : "<end>";
        if (el != al)
            return QStringLiteral("line %1:\n  expected: %2\n  actual:   %3")
                .arg(i + 1)
                .arg(QString::fromUtf8(el), QString::fromUtf8(al));
    }
    return {};
}

} // namespace

class TestYamlWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Each input, rendered by `kubectl kustomize` into reference/ (see golden/regenerate.sh).
    void matchesKubectlKustomize_data()
    {
        QTest::addColumn<QString>("name");
        const QDir input(QStringLiteral(CAPSTAN_TEST_DATA "/golden/input"));
        const QStringList names = input.entryList({ QStringLiteral("*.yaml") }, QDir::Files, QDir::Name);
        QVERIFY(names.size() >= 40);
        for (const QString &name : names)
            QTest::newRow(qPrintable(name)) << name;
    }

    void matchesKubectlKustomize()
    {
        QFETCH(QString, name);
        const QString dir = QStringLiteral(CAPSTAN_TEST_DATA "/golden/");
        const QByteArray input = readFile(dir + "input/" + name);
        const QByteArray reference = readFile(dir + "reference/" + name);
        QVERIFY2(!reference.isEmpty(), "no reference: run golden/regenerate.sh");
        auto objects = parseObjects(std::string_view(input.constData(), std::size_t(input.size())), name.toStdString());
        QVERIFY2(objects.ok(), objects ? "" : objects.error().toString().c_str());
        const std::string emitted = emitObjects(*objects);
        const QByteArray actual(emitted.data(), qsizetype(emitted.size()));
        QVERIFY2(actual == reference, qPrintable(firstDifference(reference, actual)));
    }

    // Values made in code (not read from YAML) are quoted as go-yaml would.
    void stringsMadeInCode_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("yaml");
        const auto row = [](const char *value, const char *yaml) {
            QTest::newRow(yaml) << QString::fromUtf8(value) << QString::fromUtf8(yaml);
        };
        row("on", "v: \"on\"\n");
        row("y", "v: \"y\"\n");
        row("0755", "v: \"0755\"\n");
        row("1.10", "v: \"1.10\"\n");
        row("null", "v: \"null\"\n");
        row("", "v: \"\"\n");
        row("1:20", "v: \"1:20\"\n");
        row("2001-12-14", "v: \"2001-12-14\"\n");
        row("a: b", "v: 'a: b'\n");
        row("it's", "v: it's\n");
        row("'q'", "v: '''q'''\n");
        row("-dash", "v: -dash\n");
        row("- x", "v: '- x'\n");
        row("tab\there", "v: \"tab\\there\"\n");
        row("x \ny", "v: \"x \\ny\"\n");
        row("a\nb", "v: |-\n  a\n  b\n");
        row("a\nb\n", "v: |\n  a\n  b\n");
        row("a\n\n", "v: |+\n  a\n\n");
        row(" lead\nx", "v: |2-\n   lead\n  x\n");
        row("é", "v: é\n");
    }

    void stringsMadeInCode()
    {
        QFETCH(QString, value);
        QFETCH(QString, yaml);
        Node root = Node::map();
        root.set("v", Node::string(value.toStdString()));
        QCOMPARE(QString::fromStdString(emitYaml(root)), yaml);
    }

    void numbersPrintAsAfterTheJsonRoundTrip_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("type");
        QTest::addColumn<QString>("yaml");
        QTest::newRow("int") << "42" << int(ScalarType::Int) << "42";
        QTest::newRow("integral float") << "1000" << int(ScalarType::Float) << "1000";
        QTest::newRow("large integral float") << "100000000000000000000" << int(ScalarType::Float) << "1e+20";
        QTest::newRow("million and a half") << "1234567.5" << int(ScalarType::Float) << "1.2345675e+06";
        QTest::newRow("small") << "0.000123" << int(ScalarType::Float) << "0.000123";
        QTest::newRow("tiny") << "1e-7" << int(ScalarType::Float) << "1e-07";
        QTest::newRow("bool") << "true" << int(ScalarType::Bool) << "true";
        QTest::newRow("null") << "" << int(ScalarType::Null) << "null";
    }

    void numbersPrintAsAfterTheJsonRoundTrip()
    {
        QFETCH(QString, text);
        QFETCH(int, type);
        QFETCH(QString, yaml);
        Node root = Node::map();
        root.set("v", Node::scalar(text.toStdString(), ScalarType(type)));
        QCOMPARE(QString::fromStdString(emitYaml(root)), "v: " + yaml + "\n");
    }

    void keysSortLikeGoYaml()
    {
        Node root = Node::map();
        for (const char *key : { "item10", "b", "item2", "B", "_x", "a" })
            root.set(key, Node::integer(1));
        QCOMPARE(
            QString::fromStdString(emitYaml(root)), QStringLiteral("_x: 1\nB: 1\na: 1\nb: 1\nitem2: 1\nitem10: 1\n"));
    }

    void emptyCollectionsAndStreams()
    {
        Node a = Node::map();
        a.set("m", Node::map());
        a.set("l", Node::sequence());
        QCOMPARE(QString::fromStdString(emitYaml(a)), QStringLiteral("l: []\nm: {}\n"));
        QCOMPARE(QString::fromStdString(emitYaml(Node::map())), QStringLiteral("{}\n"));
        const std::vector<Object> objects { Object(a), Object(a) };
        QCOMPARE(QString::fromStdString(emitObjects(objects)), QStringLiteral("l: []\nm: {}\n---\nl: []\nm: {}\n"));
        QCOMPARE(emitObjects({}), std::string());
    }
};

QTEST_GUILESS_MAIN(TestYamlWriter)
#include "tst_yaml_writer.moc"
