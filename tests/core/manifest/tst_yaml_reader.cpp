#include "manifest/yaml_reader.h"
#include "manifest/yaml_reader_p.h"

#include <QDir>
#include <QFile>
#include <QTest>

using namespace capstan::manifest;

namespace {

std::vector<Node> parseOk(std::string_view text)
{
    auto r = parseDocuments(text, "in.yaml");
    if (!r)
        qWarning("unexpected error: %s", r.error().toString().c_str());
    return r ? std::move(r).value() : std::vector<Node> {};
}

// Same values, keys and marks (null values aside: their position is a matter of taste).
QString difference(const Node &a, const Node &b, const QString &path)
{
    const auto mark = [](Mark m) {
        return QStringLiteral("%1:%2").arg(m.line).arg(m.column);
    };
    if (a.kind() != b.kind() || a.scalarType() != b.scalarType() || a.text() != b.text())
        return path + ": value " + QString::fromStdString(a.text()) + " / " + QString::fromStdString(b.text());
    if (!a.isNull() && (a.mark().line != b.mark().line || a.mark().column != b.mark().column))
        return path + ": mark " + mark(a.mark()) + " / " + mark(b.mark());
    if (a.size() != b.size())
        return path + ": size";
    for (std::size_t i = 0; i < a.items().size(); ++i)
        if (QString d = difference(a.items()[i], b.items()[i], path + QStringLiteral("[%1]").arg(i)); !d.isEmpty())
            return d;
    for (std::size_t i = 0; i < a.entries().size(); ++i) {
        const MapEntry &x = a.entries()[i], &y = b.entries()[i];
        const QString p = path + "." + QString::fromStdString(x.key);
        if (x.key != y.key || x.keyMark.line != y.keyMark.line || x.keyMark.column != y.keyMark.column)
            return p + ": key or key mark";
        if (QString d = difference(x.value, y.value, p); !d.isEmpty())
            return d;
    }
    return {};
}

} // namespace

class TestYamlReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void marksPointAtNodesAndKeys()
    {
        const auto docs = parseOk("apiVersion: v1\n"
                                  "kind: Pod\n"
                                  "spec:\n"
                                  "  containers:\n"
                                  "  - name: web\n"
                                  "    image: nginx\n");
        QCOMPARE(docs.size(), std::size_t(1));
        const Node &root = docs[0];
        QCOMPARE(root.mark().line, 1);
        QCOMPARE(root.mark().column, 1);
        const Node *containers = root.at({ "spec", "containers" });
        QVERIFY(containers && containers->isSequence());
        const Node &first = containers->items()[0];
        QCOMPARE(first.mark().line, 5);
        QCOMPARE(first.mark().column, 5);
        const Node *image = first.find("image");
        QVERIFY(image);
        QCOMPARE(image->mark().line, 6);
        QCOMPARE(image->mark().column, 12);
        QCOMPARE(first.entries()[1].key, std::string("image"));
        QCOMPARE(first.entries()[1].keyMark.line, 6);
        QCOMPARE(first.entries()[1].keyMark.column, 5);
    }

    void plainScalarsResolveLikeKubectl_data()
    {
        QTest::addColumn<QString>("yaml");
        QTest::addColumn<int>("type");
        QTest::addColumn<QString>("text");
        const auto row = [](const char *yaml, ScalarType type, const char *text) {
            QTest::newRow(yaml) << QString::fromUtf8(yaml) << int(type) << QString::fromUtf8(text);
        };
        row("0755", ScalarType::Int, "493");
        row("012", ScalarType::Int, "10");
        row("0x1F", ScalarType::Int, "31");
        row("0o17", ScalarType::Int, "15");
        row("0b101", ScalarType::Int, "5");
        row("1_000", ScalarType::Int, "1000");
        row("+42", ScalarType::Int, "42");
        row("-0", ScalarType::Int, "0");
        row("18446744073709551615", ScalarType::Int, "18446744073709551615");
        row("08", ScalarType::Float, "8");
        row("1e3", ScalarType::Float, "1000");
        row("1.0", ScalarType::Float, "1");
        row(".5", ScalarType::Float, "0.5");
        row("1e-7", ScalarType::Float, "1e-7");
        row("1e21", ScalarType::Float, "1e+21");
        row("123456789012345678901234567890", ScalarType::Float, "1.2345678901234568e+29");
        row("True", ScalarType::Bool, "true");
        row("FALSE", ScalarType::Bool, "false");
        row("~", ScalarType::Null, "");
        row("Null", ScalarType::Null, "");
        row("on", ScalarType::String, "on");
        row("yes", ScalarType::String, "yes");
        row("1.2.3", ScalarType::String, "1.2.3");
        row("0x", ScalarType::String, "0x");
        row("2001-12-14", ScalarType::String, "2001-12-14T00:00:00Z");
        row("2001-12-14T21:59:43.10-05:00", ScalarType::String, "2001-12-14T21:59:43.1-05:00");
        row("2001-02-30", ScalarType::String, "2001-02-30");
        row("\"12\"", ScalarType::String, "12");
        row("'true'", ScalarType::String, "true");
        row("!!str 12", ScalarType::String, "12");
        row("!!str true", ScalarType::String, "true");
    }

    void plainScalarsResolveLikeKubectl()
    {
        QFETCH(QString, yaml);
        QFETCH(int, type);
        QFETCH(QString, text);
        const auto docs = parseOk(("v: " + yaml).toStdString());
        QCOMPARE(docs.size(), std::size_t(1));
        const Node *v = docs[0].find("v");
        QVERIFY(v);
        QCOMPARE(int(v->scalarType()), type);
        QCOMPARE(QString::fromStdString(v->text()), text);
    }

    void aliasesCopyTheAnchoredNode()
    {
        const auto docs = parseOk("base: &b {cpu: 1, mem: 2}\n"
                                  "copy: *b\n"
                                  "name: &n web\n"
                                  "again: *n\n"
                                  "merged:\n"
                                  "  <<: *b\n"
                                  "  mem: 3\n");
        const Node &root = docs.at(0);
        QVERIFY(root.find("copy"));
        QVERIFY(*root.find("copy") == *root.find("base"));
        QCOMPARE(root.textAt({ "again" }), std::string("web"));
        QCOMPARE(root.textAt({ "merged", "cpu" }), std::string("1"));
        QCOMPARE(root.textAt({ "merged", "mem" }), std::string("3")); // the mapping's own key wins
        QVERIFY(!root.at({ "merged", "<<" }));
    }

    void blockScalarsKeepTheirText_data()
    {
        QTest::addColumn<QString>("yaml");
        QTest::addColumn<QString>("text");
        QTest::newRow("literal clip") << "v: |\n  a\n  b\n\n"
                                      << "a\nb\n";
        QTest::newRow("literal strip") << "v: |-\n  a\n  b\n"
                                       << "a\nb";
        QTest::newRow("literal keep") << "v: |+\n  a\n\n"
                                      << "a\n\n";
        QTest::newRow("folded") << "v: >\n  a\n  b\n\n  c\n"
                                << "a b\nc\n";
        QTest::newRow("indent indicator") << "v: |2\n    x\n  y\n"
                                          << "  x\ny\n";
        QTest::newRow("comment after") << "v: |\n  a # not a comment\n# comment\n"
                                       << "a # not a comment\n";
    }

    void blockScalarsKeepTheirText()
    {
        QFETCH(QString, yaml);
        QFETCH(QString, text);
        const auto docs = parseOk(yaml.toStdString());
        QCOMPARE(docs.size(), std::size_t(1));
        QCOMPARE(QString::fromStdString(docs[0].textAt({ "v" })), text);
        QVERIFY(docs[0].find("v")->isString());
    }

    void emptyDocumentsAreSkipped()
    {
        const auto docs = parseOk("---\n# only a comment\n---\na: 1\n---\n---\nb: 2\n...\n");
        QCOMPARE(docs.size(), std::size_t(2));
        QCOMPARE(docs[0].textAt({ "a" }), std::string("1"));
        QCOMPARE(docs[1].textAt({ "b" }), std::string("2"));
        QVERIFY(parseOk("").empty());
        QVERIFY(parseOk("# nothing\n").empty());
    }

    void objectsKnowTheirFileAndDocument()
    {
        auto r = parseObjects("kind: A\nmetadata: {name: a}\n---\n---\nkind: B\nmetadata:\n  name: b\n", "dir/x.yaml");
        QVERIFY(r.ok());
        QCOMPARE(r->size(), std::size_t(2));
        QCOMPARE((*r)[0].source().fileName(), std::string("dir/x.yaml"));
        QCOMPARE((*r)[0].source().document, 0);
        QCOMPARE((*r)[1].source().document, 2);
        QCOMPARE((*r)[1].name(), std::string("b"));
        QCOMPARE((*r)[1].where((*r)[1].root().at({ "metadata", "name" })), std::string("dir/x.yaml:7:9"));
    }

    void errorsNameFileLineAndColumn_data()
    {
        QTest::addColumn<QString>("yaml");
        QTest::addColumn<QString>("where");
        QTest::addColumn<QString>("message");
        QTest::newRow("bad indentation") << "a:\n  b: 1\n c: 2\n"
                                         << "f.yaml:3:2"
                                         << "expected";
        QTest::newRow("colon in plain value") << "a: b: c\n"
                                              << "f.yaml:1:5"
                                              << "':'";
        QTest::newRow("unclosed flow list") << "a: [1, 2\nb: 3\n"
                                            << "f.yaml:"
                                            << "expected";
        QTest::newRow("unclosed flow map") << "a: {x: 1\n"
                                           << "f.yaml:"
                                           << "'}'";
        QTest::newRow("unclosed quote") << "a: \"abc\n"
                                        << "f.yaml:1:4"
                                        << "closing";
        QTest::newRow("unclosed quote at end") << "a: \"abc"
                                               << "f.yaml:1:"
                                               << "closing";
        QTest::newRow("unclosed single quote") << "a: 'abc\nb: 1\n"
                                               << "f.yaml:1:4"
                                               << "closing";
        QTest::newRow("mapping after list") << "- a\nb: 1\n"
                                            << "f.yaml:2:1"
                                            << "expected";
        QTest::newRow("undefined alias") << "a: *nope\n"
                                         << "f.yaml:1:4"
                                         << "anchor";
        QTest::newRow("list item in mapping") << "a: 1\n- b\n"
                                              << "f.yaml:2:1"
                                              << "expected";
        QTest::newRow("duplicate key") << "a: 1\nb: 2\na: 3\n"
                                       << "f.yaml:3:1"
                                       << "already defined at line 1";
        QTest::newRow("duplicate nested key") << "x:\n  k: 1\n  k: 2\n"
                                              << "f.yaml:3:3"
                                              << "\"k\" already defined at line 2";
        QTest::newRow("error in second document") << "a: 1\n---\nb: [\n"
                                                  << "f.yaml:"
                                                  << "expected";
        QTest::newRow("block scalar less indented") << "v: |\n      deep\n    less\n"
                                                    << "f.yaml:3:5"
                                                    << "expected";
        QTest::newRow("nesting too deep") << "a: " + QString(3000, u'[') + QString(3000, u']') << "f.yaml:1:"
                                          << "nested";
        QTest::newRow("collection as key") << "? [a, b]\n: 1\n"
                                           << "f.yaml:1:3"
                                           << "scalar mapping key";
    }

    void errorsNameFileLineAndColumn()
    {
        QFETCH(QString, yaml);
        QFETCH(QString, where);
        QFETCH(QString, message);
        const auto r = parseDocuments(yaml.toStdString(), "f.yaml");
        QVERIFY(!r.ok());
        QVERIFY2(QString::fromStdString(r.error().where).startsWith(where), r.error().toString().c_str());
        QVERIFY2(QString::fromStdString(r.error().where).count(':') == 2, r.error().toString().c_str());
        QVERIFY2(QString::fromStdString(r.error().message).contains(message), r.error().toString().c_str());
    }

    // The fast block-subset reader and yaml-cpp must read every text alike.
    void bothReadersAgree_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        const QDir golden(QStringLiteral(CAPSTAN_TEST_DATA "/golden"));
        for (const QString &sub : { QStringLiteral("input"), QStringLiteral("reference") }) {
            const QDir dir(golden.filePath(sub));
            for (const QString &name : dir.entryList({ QStringLiteral("*.yaml") }, QDir::Files, QDir::Name)) {
                QFile f(dir.filePath(name));
                QVERIFY(f.open(QIODevice::ReadOnly));
                QTest::newRow(qPrintable(sub + "/" + name)) << f.readAll();
            }
        }
        QTest::newRow("multi-line plain") << QByteArray("a: b\n  c\n\n  d\ne: f\n");
        QTest::newRow("multi-line quoted") << QByteArray("a: \"x\\\n  y \n\n  z\"\nb: 'p\n  q'\n");
        QTest::newRow("compact nesting") << QByteArray("- - a\n  - b\n- k: v\n  l:\n  - 1\n-\n  m: 2\n");
        QTest::newRow("flow") << QByteArray("a: [1, 'x', \"y\", {k: v}, []]\nb: {k: v, 'q': [1]}   # c\n");
        QTest::newRow("indented root") << QByteArray("  a: 1\n  b:\n    c: 2\n");
        QTest::newRow("null values") << QByteArray("a:\nb: ~\n- \n");
        QTest::newRow("documents") << QByteArray("a: 1\n---\nb: 2\n...\n---\n# x\n---\nc: 3\n");
        QTest::newRow("tabs") << QByteArray("a:\tb\nc: \"\td\"\n");
        QTest::newRow("unicode") << QByteArray("é: ü\n日本: '語\n  x'\n");
    }

    void bothReadersAgree()
    {
        QFETCH(QByteArray, yaml);
        const std::string_view text(yaml.constData(), std::size_t(yaml.size()));
        const auto fast = parseStream(text, "f.yaml", ReadPath::Fastest);
        const auto slow = parseStream(text, "f.yaml", ReadPath::YamlCpp);
        QCOMPARE(fast.ok(), slow.ok());
        if (!fast.ok())
            return;
        QCOMPARE(fast->size(), slow->size());
        for (std::size_t i = 0; i < fast->size(); ++i) {
            QCOMPARE((*fast)[i].first, (*slow)[i].first);
            const QString d = difference((*fast)[i].second, (*slow)[i].second, QStringLiteral("doc%1").arg(i));
            QVERIFY2(d.isEmpty(), qPrintable(d));
        }
    }

    void repeatedKeysCanKeepTheLastValue()
    {
        const std::string text = "spec:\n  replicas: 1\n  paused: false\n  replicas: 3\n";
        QVERIFY(!parseDocuments(text, "a.yaml").ok());
        auto lenient = parseDocuments(text, "a.yaml", DuplicateKeys::KeepLast);
        QVERIFY(lenient.ok());
        const Node &spec = *lenient->front().find("spec");
        QCOMPARE(spec.size(), std::size_t(2));
        QCOMPARE(spec.textAt({"replicas"}), std::string("3"));
        QCOMPARE(spec.find("replicas")->mark().line, 4);
    }

    void objectsMustBeMappings()
    {
        const auto r = parseObjects("kind: A\n---\n- a\n- b\n", "list.yaml");
        QVERIFY(!r.ok());
        QCOMPARE(r.error().where, std::string("list.yaml:3:1"));
        QVERIFY(QString::fromStdString(r.error().message).contains("found a list"));
        const auto s = parseObjects("just text\n", "s.yaml");
        QVERIFY(!s.ok());
        QCOMPARE(s.error().where, std::string("s.yaml:1:1"));
    }
};

QTEST_GUILESS_MAIN(TestYamlReader)
#include "tst_yaml_reader.moc"
