// UTF-8 read as Go reads it: the rule-file and PromQL parsers' verdicts depend on it.
#include <QtTest>

#include "core/support/Utf8.h"

class TstUtf8 : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void decodesLikeGo_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<uint>("value");
        QTest::addColumn<int>("width");
        QTest::newRow("ascii") << QByteArray("a") << 0x61u << 1;
        QTest::newRow("e acute") << QByteArray("\xC3\xA9") << 0xE9u << 2;
        QTest::newRow("euro") << QByteArray("\xE2\x82\xAC") << 0x20ACu << 3;
        QTest::newRow("emoji") << QByteArray("\xF0\x9F\x98\x80") << 0x1F600u << 4;
        QTest::newRow("replacement itself") << QByteArray("\xEF\xBF\xBD") << 0xFFFDu << 3;
        QTest::newRow("stray continuation") << QByteArray("\x80") << 0xFFFDu << 1;
        QTest::newRow("overlong") << QByteArray("\xC0\xAF") << 0xFFFDu << 1;
        QTest::newRow("surrogate") << QByteArray("\xED\xA0\x80") << 0xFFFDu << 1;
        QTest::newRow("past U+10FFFF") << QByteArray("\xF4\x90\x80\x80") << 0xFFFDu << 1;
        // Lead bytes F8-FC were once read as 4-byte sequences; Go (and promtool) refuse them.
        QTest::newRow("F8 lead byte") << QByteArray("\xF8\x88\x80\x80") << 0xFFFDu << 1;
        QTest::newRow("cut short") << QByteArray("\xE2\x82") << 0xFFFDu << 1;
    }

    void decodesLikeGo()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(uint, value);
        QFETCH(int, width);
        const rl::Rune rune = rl::decodeRune(std::string_view(bytes.constData(), std::size_t(bytes.size())), 0);
        QCOMPARE(uint(rune.value), value);
        QCOMPARE(int(rune.width), width);
    }

    void endOfTextIsWidthZero()
    {
        const rl::Rune rune = rl::decodeRune("ab", 2);
        QCOMPARE(rune.width, std::size_t(0));
        QCOMPARE(rune.value, rl::kRuneError);
    }

    void encodesWhatItDecodes()
    {
        for (const char32_t c : {U'a', U'\u00e9', U'\u20ac', U'\U0001F600'}) {
            std::string text;
            rl::appendUtf8(text, c);
            QCOMPARE(rl::decodeRune(text, 0).value, c);
            QCOMPARE(rl::decodeRune(text, 0).width, text.size());
        }
    }
};

QTEST_GUILESS_MAIN(TstUtf8)
#include "tst_utf8.moc"
