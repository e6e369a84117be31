// SHA-256, base64 and the UTF-8 check the generators use, against published
// test vectors and against QtCore's implementations over many inputs.

#include "kustomize/sha256.h"
#include "kustomize/text_encoding.h"

#include <QByteArray>
#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QTest>

using namespace capstan::kustomize;

namespace {

std::string view(const QByteArray &bytes)
{
    return std::string(bytes.constData(), std::size_t(bytes.size()));
}

} // namespace

class TestTextEncoding : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sha256Vectors_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QByteArray>("digest");
        // FIPS 180-4 examples; 55 and 56 bytes straddle the one-block padding limit.
        QTest::newRow("empty") << QByteArray() << QByteArray("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        QTest::newRow("abc") << QByteArray("abc") << QByteArray("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        QTest::newRow("two blocks") << QByteArray("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
                                    << QByteArray("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
        QTest::newRow("a million a") << QByteArray(1000000, 'a')
                                     << QByteArray("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
    }

    void sha256Vectors()
    {
        QFETCH(QByteArray, input);
        QFETCH(QByteArray, digest);
        QCOMPARE(QByteArray::fromStdString(sha256Hex(view(input))), digest);
    }

    void sha256AndBase64AgreeWithQtForEveryLength()
    {
        QRandomGenerator random(20261126);
        for (int length = 0; length < 300; ++length) {
            QByteArray input(length, Qt::Uninitialized);
            for (char &c : input)
                c = char(random.bounded(256));
            QCOMPARE(QByteArray::fromStdString(sha256Hex(view(input))),
                     QCryptographicHash::hash(input, QCryptographicHash::Sha256).toHex());
            QCOMPARE(QByteArray::fromStdString(base64(view(input))), input.toBase64());
        }
    }

    void base64Vectors()
    {
        // RFC 4648, section 10.
        QCOMPARE(base64(""), std::string());
        QCOMPARE(base64("f"), std::string("Zg=="));
        QCOMPARE(base64("fo"), std::string("Zm8="));
        QCOMPARE(base64("foo"), std::string("Zm9v"));
        QCOMPARE(base64("foob"), std::string("Zm9vYg=="));
        QCOMPARE(base64("fooba"), std::string("Zm9vYmE="));
        QCOMPARE(base64("foobar"), std::string("Zm9vYmFy"));
    }

    void utf8Validity_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<bool>("valid");
        QTest::newRow("ascii") << QByteArray("LOG_LEVEL=debug\n") << true;
        QTest::newRow("two-byte") << QByteArray("caf\xc3\xa9") << true;
        QTest::newRow("three-byte") << QByteArray("\xe2\x82\xac") << true;
        QTest::newRow("four-byte") << QByteArray("\xf0\x9f\x99\x82") << true;
        QTest::newRow("byte order mark") << QByteArray("\xef\xbb\xbfhello") << true;
        QTest::newRow("noncharacter U+FFFF") << QByteArray("\xef\xbf\xbf") << true;
        QTest::newRow("U+10FFFF") << QByteArray("\xf4\x8f\xbf\xbf") << true;
        QTest::newRow("lone continuation") << QByteArray("\x80") << false;
        QTest::newRow("overlong slash") << QByteArray("\xc0\xaf") << false;
        QTest::newRow("overlong three-byte") << QByteArray("\xe0\x80\xaf") << false;
        QTest::newRow("surrogate") << QByteArray("\xed\xa0\x80") << false;
        QTest::newRow("above U+10FFFF") << QByteArray("\xf4\x90\x80\x80") << false;
        QTest::newRow("truncated") << QByteArray("caf\xc3") << false;
        QTest::newRow("binary") << QByteArray("\x89PNG\r\n\x1a\n\0\0", 10) << false;
    }

    void utf8Validity()
    {
        QFETCH(QByteArray, text);
        QFETCH(bool, valid);
        QCOMPARE(isValidUtf8(view(text)), valid);
    }
};

QTEST_GUILESS_MAIN(TestTextEncoding)
#include "tst_text_encoding.moc"
