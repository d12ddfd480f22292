#include <QtTest>

#include <cmath>
#include <cstring>
#include <limits>
#include <random>
#include <string>

#include "JournalTesting.h"
#include "core/journal/Crc32c.h"
#include "core/journal/RecordCodec.h"

namespace {

std::span<const unsigned char> bytesOf(const std::string &text)
{
    return {reinterpret_cast<const unsigned char *>(text.data()), text.size()};
}

// CRC-32C one bit at a time, straight from the definition, to check the sliced tables against.
std::uint32_t referenceCrc(const std::string &data)
{
    std::uint32_t crc = 0xFFFFFFFF;
    for (unsigned char byte : data) {
        crc ^= byte;
        for (int bit = 0; bit < 8; ++bit)
            crc = (crc & 1) ? (crc >> 1) ^ 0x82F63B78 : crc >> 1;
    }
    return ~crc;
}

} // namespace

class TestJournalCodec : public QObject {
    Q_OBJECT

private slots:
    void crc32cKnownAnswers()
    {
        // RFC 3720 (iSCSI), appendix B.4, and the classic check value.
        QCOMPARE(rl::crc32c("123456789", 9), 0xE3069283u);
        const std::string zeros(32, '\0');
        QCOMPARE(rl::crc32c(zeros.data(), zeros.size()), 0x8A9136AAu);
        const std::string ones(32, '\xFF');
        QCOMPARE(rl::crc32c(ones.data(), ones.size()), 0x62A8AB43u);
        std::string ascending(32, '\0');
        for (int i = 0; i < 32; ++i)
            ascending[i] = static_cast<char>(i);
        QCOMPARE(rl::crc32c(ascending.data(), ascending.size()), 0x46DD794Eu);
        QCOMPARE(rl::crc32c(nullptr, 0), 0u);
    }

    void crc32cMatchesTheDefinitionAtEveryLengthAndSplit()
    {
        std::mt19937 random(7);
        for (std::size_t size = 0; size < 300; ++size) {
            std::string data(size, '\0');
            for (char &c : data)
                c = static_cast<char>(random());
            const std::uint32_t whole = rl::crc32c(data.data(), data.size());
            QCOMPARE(whole, referenceCrc(data));
            QCOMPARE(rl::crc32cPortable(data.data(), data.size()), whole);
            const std::size_t split = size ? random() % size : 0;
            QCOMPARE(rl::crc32c(data.data() + split, size - split, rl::crc32c(data.data(), split)), whole);
            QCOMPARE(rl::crc32cPortable(data.data() + split, size - split, rl::crc32cPortable(data.data(), split)),
                     whole);
        }
    }

    void feedbackRoundTrips()
    {
        for (std::uint64_t n = 0; n < 500; ++n) {
            const rl::TrajectoryFeedback item = rl::testing::feedbackItem(n);
            std::string body;
            rl::encodeFeedback(item, body);
            const auto decoded = rl::decodeFeedback(bytesOf(body));
            QVERIFY(decoded);
            QVERIFY(rl::testing::sameFeedback(*decoded, item));
        }
    }

    void feedbackKeepsExtremeValues()
    {
        rl::TrajectoryFeedback item;
        item.trajectoryId = std::string("a\0b", 3);
        item.modelId = std::string(100000, 'm');
        item.accuracyScore = std::numeric_limits<double>::quiet_NaN();
        item.efficiencyScore = -std::numeric_limits<double>::infinity();
        item.errorHandlingScore = std::numeric_limits<double>::denorm_min();
        item.overallScore = -0.0;
        item.trajectoryLength = std::numeric_limits<int>::min();
        item.timestampMs = std::numeric_limits<std::int64_t>::min();
        std::string body;
        rl::encodeFeedback(item, body);
        const auto decoded = rl::decodeFeedback(bytesOf(body));
        QVERIFY(decoded);
        QCOMPARE(decoded->trajectoryId, item.trajectoryId);
        QCOMPARE(decoded->modelId.size(), item.modelId.size());
        QVERIFY(std::isnan(decoded->accuracyScore));
        QCOMPARE(decoded->efficiencyScore, item.efficiencyScore);
        QCOMPARE(decoded->errorHandlingScore, item.errorHandlingScore);
        QVERIFY(std::signbit(decoded->overallScore));
        QCOMPARE(decoded->trajectoryLength, item.trajectoryLength);
        QCOMPARE(decoded->timestampMs, item.timestampMs);

        item.trajectoryLength = std::numeric_limits<int>::max();
        item.timestampMs = std::numeric_limits<std::int64_t>::max();
        body.clear();
        rl::encodeFeedback(item, body);
        QCOMPARE(rl::decodeFeedback(bytesOf(body))->timestampMs, item.timestampMs);
    }

    void feedbackDetectsEveryFlippedBitAndTruncation()
    {
        std::string body;
        rl::encodeFeedback(rl::testing::feedbackItem(42), body);
        for (std::size_t bit = 0; bit < body.size() * 8; ++bit) {
            std::string damaged = body;
            damaged[bit / 8] = static_cast<char>(damaged[bit / 8] ^ (1 << (bit % 8)));
            QVERIFY2(!rl::decodeFeedback(bytesOf(damaged)), qPrintable(QString::number(bit)));
        }
        for (std::size_t size = 0; size < body.size(); ++size)
            QVERIFY(!rl::decodeFeedback(bytesOf(body.substr(0, size))));
        QVERIFY(!rl::decodeFeedback(bytesOf(body + "x")));
    }

    void feedbackRefusesAValidChecksumOverGarbage()
    {
        // A body whose checksum is right but whose content is not ours: an unknown format, and a string
        // length running past the end.
        for (const std::string &content : {std::string("\x02", 1), std::string("\x01\xFF\xFF\xFF\x0F", 5)}) {
            std::string body = content;
            const std::uint32_t crc = rl::crc32c(body.data(), body.size());
            for (int i = 0; i < 4; ++i)
                body.push_back(static_cast<char>(crc >> (8 * i)));
            QVERIFY(!rl::decodeFeedback(bytesOf(body)));
        }
    }

    void learnedRoundTrips()
    {
        std::vector<rl::JournalLearned> steps;
        QCOMPARE(rl::decodeLearned(bytesOf(rl::encodeLearned(steps)))->size(), std::size_t(0));
        std::mt19937_64 random(3);
        std::uint64_t seq = 1000;
        for (int i = 0; i < 2000; ++i) {
            seq += 1 + random() % 3;
            // Mostly increasing event ids, some far back, one at the very top of the range.
            const std::uint64_t eventId = i == 7 ? std::numeric_limits<std::uint64_t>::max() : seq - random() % 500;
            steps.push_back({seq, eventId, std::ldexp(double(random() % 1000), -10)});
        }
        std::swap(steps[10], steps[20]); // not in seq order either
        const std::string blob = rl::encodeLearned(steps);
        QVERIFY(blob.size() < steps.size() * 14); // deltas keep the ids small
        const auto decoded = rl::decodeLearned(bytesOf(blob));
        QVERIFY(decoded);
        QCOMPARE(decoded->size(), steps.size());
        for (std::size_t i = 0; i < steps.size(); ++i) {
            QCOMPARE((*decoded)[i].seq, steps[i].seq);
            QCOMPARE((*decoded)[i].eventId, steps[i].eventId);
            QCOMPARE((*decoded)[i].reward, steps[i].reward);
        }
        std::string damaged = blob;
        damaged[blob.size() / 2] ^= 0x10;
        QVERIFY(!rl::decodeLearned(bytesOf(damaged)));
        QVERIFY(!rl::decodeLearned(bytesOf(blob.substr(0, blob.size() - 1))));
    }

    void doublesRoundTrip()
    {
        const std::vector<double> values{0.0, -1.5, 1e300, std::numeric_limits<double>::infinity()};
        const std::string bytes = rl::encodeDoubles(values);
        QCOMPARE(bytes.size(), std::size_t(32));
        QCOMPARE(*rl::decodeDoubles(bytesOf(bytes)), values);
        QCOMPARE(rl::decodeDoubles(bytesOf(std::string()))->size(), std::size_t(0));
        QVERIFY(!rl::decodeDoubles(bytesOf(bytes.substr(0, 31))));
        // Little-endian whatever the machine: 1.0 is 3FF0000000000000.
        const std::string one = rl::encodeDoubles({1.0});
        QCOMPARE(static_cast<unsigned char>(one[7]), 0x3Fu);
        QCOMPARE(static_cast<unsigned char>(one[6]), 0xF0u);
    }
};

QTEST_GUILESS_MAIN(TestJournalCodec)
#include "tst_journalcodec.moc"
