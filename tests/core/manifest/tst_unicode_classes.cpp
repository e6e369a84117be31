// The renderer's Unicode letter and digit tables (go-yaml sorts map keys by
// them) against ICU's general categories, for every code point Unicode 15.0
// (the version Go 1.23 and so kustomize v5.5.0 use) assigns.

#include "manifest/unicode_classes.h"

#include <QCoreApplication>
#include <QFile>
#include <QTest>

#include <unicode/uchar.h>

#include <utility>
#include <vector>

using namespace capstan::manifest;

namespace {

bool icuLetter(UChar32 c)
{
    const auto type = u_charType(c);
    return type == U_UPPERCASE_LETTER || type == U_LOWERCASE_LETTER || type == U_TITLECASE_LETTER
        || type == U_MODIFIER_LETTER || type == U_OTHER_LETTER;
}

bool icuDigit(UChar32 c)
{
    return u_charType(c) == U_DECIMAL_DIGIT_NUMBER;
}

// Assigned in Unicode 15.0 or before.
bool inUnicode15(UChar32 c)
{
    UVersionInfo age;
    u_charAge(c, age);
    return age[0] != 0 && (age[0] < 15 || (age[0] == 15 && age[1] == 0));
}

// The tables unicode_classes.cpp should hold, in its format.
QByteArray tablesFromIcu()
{
    QByteArray out;
    const auto table = [&](const char *name, bool (*member)(UChar32)) {
        std::vector<std::pair<UChar32, UChar32>> ranges;
        for (UChar32 c = 0x80; c <= 0x10FFFF; ++c) {
            if (!inUnicode15(c) || !member(c))
                continue;
            if (!ranges.empty() && ranges.back().second + 1 == c)
                ranges.back().second = c;
            else
                ranges.emplace_back(c, c);
        }
        out += "constexpr CodeRange " + QByteArray(name) + "[] = {\n";
        for (std::size_t i = 0; i < ranges.size(); ++i) {
            if (i % 6 == 0)
                out += "    ";
            out += QStringLiteral("{0x%1, 0x%2},")
                       .arg(ranges[i].first, 4, 16, QLatin1Char('0'))
                       .arg(ranges[i].second, 4, 16, QLatin1Char('0'))
                       .toUpper()
                       .replace(QLatin1String("0X"), QLatin1String("0x"))
                       .toLatin1();
            out += i % 6 == 5 || i + 1 == ranges.size() ? "\n" : " ";
        }
        out += "};\n";
    };
    table("kLetters", icuLetter);
    table("kDigits", icuDigit);
    return out;
}

} // namespace

class TestUnicodeClasses : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyAssignedCodePointMatchesIcu()
    {
        UVersionInfo version;
        u_getUnicodeVersion(version);
        QVERIFY2(version[0] >= 15, "ICU knows an older Unicode than 15.0");
        for (UChar32 c = 0; c <= 0x10FFFF; ++c) {
            if (!inUnicode15(c))
                continue;
            if (isUnicodeLetter(char32_t(c)) != icuLetter(c) || isUnicodeDigit(char32_t(c)) != icuDigit(c)) {
                const QString path = QCoreApplication::applicationDirPath() + QStringLiteral("/unicode_classes_tables.inc");
                QFile file(path);
                if (file.open(QIODevice::WriteOnly))
                    file.write(tablesFromIcu());
                QFAIL(qPrintable(QStringLiteral("U+%1 is classified differently from ICU; tables from ICU written to %2")
                                     .arg(c, 4, 16, QLatin1Char('0'))
                                     .arg(path)));
            }
        }
    }

    // What go-yaml's key order depends on, spelled out.
    void knownCharacters()
    {
        QVERIFY(isUnicodeLetter(U'é'));
        QVERIFY(isUnicodeLetter(U'Ж'));
        QVERIFY(isUnicodeLetter(U'中'));
        QVERIFY(!isUnicodeLetter(U'€'));
        QVERIFY(!isUnicodeLetter(U'٣'));
        QVERIFY(isUnicodeDigit(U'٣')); // ARABIC-INDIC DIGIT THREE
        QVERIFY(!isUnicodeDigit(U'½'));
        QVERIFY(isUnicodeLetter(0x11F04)); // KAWI LETTER A, new in Unicode 15.0
    }
};

QTEST_GUILESS_MAIN(TestUnicodeClasses)
#include "tst_unicode_classes.moc"
