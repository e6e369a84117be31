// Health conformance with Argo CD: every row of Argo CD's own health test
// fixtures (../shared/conformance/health, beside the clone) must come out the
// same. Its README.md explains the columns.

#include "manifest/yaml_reader.h"
#include "reconcile/health/health.h"

#include <QDir>
#include <QFile>
#include <QTest>

using namespace capstan;
using health::Health;

namespace {

// Argo CD reads its fixtures with sigs.k8s.io/yaml, which lets a repeated mapping
// key replace the earlier one (statefulset-ondelete.yaml repeats one), so the
// fixtures are read with that rule rather than kubectl's strict one.
bool readAsArgoDoes(const QString &path, std::vector<manifest::Object> &objects)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        QTest::qFail(qPrintable(path + QStringLiteral(": ") + file.errorString()), __FILE__, __LINE__);
        return false;
    }
    const QByteArray text = file.readAll();
    auto parsed = manifest::parseObjects(std::string_view(text.constData(), text.size()), path.toStdString(),
                                         manifest::DuplicateKeys::KeepLast);
    if (!parsed) {
        QTest::qFail(parsed.error().toString().c_str(), __FILE__, __LINE__);
        return false;
    }
    objects = std::move(parsed.value());
    return true;
}

} // namespace

class TestHealthConformance final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void table();
    void row_data();
    void row();

private:
    QString m_dir;
    QList<QStringList> m_rows;
};

void TestHealthConformance::initTestCase()
{
    m_dir = QDir::cleanPath(QStringLiteral(CAPSTAN_SOURCE_DIR "/../shared/conformance/health"));
    if (!QFile::exists(m_dir + QStringLiteral("/expected.tsv")))
        QSKIP(qPrintable(QStringLiteral("Argo CD's health fixtures are not here (%1): the shared conformance data "
                                        "is not checked out beside the repository")
                             .arg(m_dir)));

    QFile tsv(m_dir + QStringLiteral("/expected.tsv"));
    QVERIFY2(tsv.open(QIODevice::ReadOnly | QIODevice::Text), qPrintable(tsv.errorString()));
    const QStringList lines = QString::fromUtf8(tsv.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QVERIFY(!lines.isEmpty());
    QCOMPARE(lines.first(), QStringLiteral("file\tkind\tstatus\tmessage_substring\tnote"));
    for (qsizetype i = 1; i < lines.size(); ++i)
        m_rows.append(lines[i].split(QLatin1Char('\t')));
}

// A malformed row would otherwise drop out of the data table unnoticed.
void TestHealthConformance::table()
{
    QVERIFY(!m_rows.isEmpty());
    for (const QStringList &columns : std::as_const(m_rows))
        QVERIFY2(columns.size() == 5, qPrintable(columns.join(QLatin1Char('|'))));
}

void TestHealthConformance::row_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("note");
    for (const QStringList &c : std::as_const(m_rows))
        if (c.size() == 5)
            QTest::newRow(qPrintable(c[0])) << c[0] << c[2] << c[3] << c[4];
}

void TestHealthConformance::row()
{
    QFETCH(QString, file);
    QFETCH(QString, status);
    QFETCH(QString, message);
    QFETCH(QString, note);

    std::vector<manifest::Object> objects;
    if (!readAsArgoDoes(m_dir + QLatin1Char('/') + file, objects))
        return;
    QCOMPARE(objects.size(), std::size_t(1));

    // The inline rows are Go map literals handed straight to the Workflow check.
    const std::optional<Health> health = file.startsWith(QStringLiteral("inline/"))
        ? std::optional<Health>(health::assessWorkflow(objects.front()))
        : health::assess(objects.front());

    if (status.isEmpty()) {
        QVERIFY2(!health, health ? std::string(health::toString(health->status)).c_str() : "");
        return;
    }
    QVERIFY2(health, "no health, expected one");
    QCOMPARE(QString::fromUtf8(health::toString(health->status)), status);
    const QString actualMessage = QString::fromStdString(health->message);
    if (!message.isEmpty())
        QVERIFY2(actualMessage.contains(message), qPrintable(actualMessage));
    if (note.contains(QStringLiteral("message must be empty")))
        QVERIFY2(actualMessage.isEmpty(), qPrintable(actualMessage));
}

QTEST_GUILESS_MAIN(TestHealthConformance)
#include "tst_health_conformance.moc"
