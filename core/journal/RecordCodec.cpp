#include "core/journal/RecordCodec.h"

#include <bit>
#include <cstdint>
#include <cstring>
#include <limits>

#include "core/journal/Crc32c.h"

namespace rl {

namespace {

static_assert(std::numeric_limits<double>::is_iec559, "the row formats store IEEE doubles");

constexpr unsigned char kFeedbackFormat = 1;
constexpr unsigned char kLearnedFormat = 1;

void putVarint(std::uint64_t value, std::string &out)
{
    while (value >= 0x80) {
        out.push_back(static_cast<char>(value | 0x80));
        value >>= 7;
    }
    out.push_back(static_cast<char>(value));
}

// Little-endian whatever the machine, so a journal moves between machines.
void putFixed(std::uint64_t value, int bytes, std::string &out)
{
    for (int i = 0; i < bytes; ++i)
        out.push_back(static_cast<char>(value >> (8 * i)));
}

void putDouble(double value, std::string &out)
{
    putFixed(std::bit_cast<std::uint64_t>(value), 8, out);
}

void putString(const std::string &text, std::string &out)
{
    putVarint(text.size(), out);
    out.append(text);
}

std::uint64_t zigzag(std::int64_t value)
{
    return (std::uint64_t(value) << 1) ^ std::uint64_t(value >> 63);
}

std::int64_t unzigzag(std::uint64_t value)
{
    return std::int64_t(value >> 1) ^ -std::int64_t(value & 1);
}

std::uint64_t getFixed(const unsigned char *bytes, int count)
{
    std::uint64_t value = 0;
    for (int i = 0; i < count; ++i)
        value |= std::uint64_t(bytes[i]) << (8 * i);
    return value;
}

// Reads a body front to back; every read checks the bounds and a failed one poisons the rest.
class Reader {
public:
    explicit Reader(std::span<const unsigned char> bytes)
        : m_bytes(bytes)
    {
    }

    bool ok() const { return m_ok; }
    bool atEnd() const { return m_at == m_bytes.size(); }

    std::uint64_t varint()
    {
        std::uint64_t value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (!need(1))
                return 0;
            const unsigned char byte = m_bytes[m_at++];
            value |= std::uint64_t(byte & 0x7F) << shift;
            if (!(byte & 0x80))
                return value;
        }
        m_ok = false; // more than ten bytes: not a varint we wrote
        return 0;
    }
    std::string string()
    {
        const std::uint64_t size = varint();
        if (!need(size))
            return {};
        std::string text(reinterpret_cast<const char *>(m_bytes.data() + m_at), size);
        m_at += size;
        return text;
    }
    double number()
    {
        if (!need(8))
            return 0.0;
        const double value = std::bit_cast<double>(getFixed(m_bytes.data() + m_at, 8));
        m_at += 8;
        return value;
    }
    unsigned char byte()
    {
        if (!need(1))
            return 0;
        return m_bytes[m_at++];
    }

private:
    bool need(std::uint64_t size)
    {
        if (m_ok && size <= m_bytes.size() - m_at)
            return true;
        m_ok = false;
        return false;
    }

    std::span<const unsigned char> m_bytes;
    std::size_t m_at = 0;
    bool m_ok = true;
};

} // namespace

void encodeFeedback(const TrajectoryFeedback &feedback, std::string &out)
{
    const std::size_t start = out.size();
    out.push_back(static_cast<char>(kFeedbackFormat));
    putString(feedback.trajectoryId, out);
    putString(feedback.modelId, out);
    putDouble(feedback.accuracyScore, out);
    putDouble(feedback.efficiencyScore, out);
    putDouble(feedback.errorHandlingScore, out);
    putDouble(feedback.overallScore, out);
    putVarint(zigzag(feedback.trajectoryLength), out);
    out.push_back(feedback.success ? 1 : 0);
    putVarint(zigzag(feedback.timestampMs), out);
    putString(feedback.reasoning, out);
    putFixed(crc32c(out.data() + start, out.size() - start), 4, out);
}

std::optional<TrajectoryFeedback> decodeFeedback(std::span<const unsigned char> body)
{
    if (body.size() < 5)
        return std::nullopt;
    const auto content = body.first(body.size() - 4);
    if (crc32c(content.data(), content.size()) != getFixed(body.data() + content.size(), 4))
        return std::nullopt;
    Reader reader(content);
    if (reader.byte() != kFeedbackFormat)
        return std::nullopt;
    TrajectoryFeedback feedback;
    feedback.trajectoryId = reader.string();
    feedback.modelId = reader.string();
    feedback.accuracyScore = reader.number();
    feedback.efficiencyScore = reader.number();
    feedback.errorHandlingScore = reader.number();
    feedback.overallScore = reader.number();
    const std::int64_t length = unzigzag(reader.varint());
    feedback.success = reader.byte() != 0;
    feedback.timestampMs = unzigzag(reader.varint());
    feedback.reasoning = reader.string();
    if (!reader.ok() || !reader.atEnd() || length < std::numeric_limits<int>::min()
        || length > std::numeric_limits<int>::max())
        return std::nullopt;
    feedback.trajectoryLength = static_cast<int>(length);
    return feedback;
}

std::string encodeLearned(const std::vector<JournalLearned> &learned)
{
    std::string out;
    out.reserve(learned.size() * 12 + 16);
    out.push_back(static_cast<char>(kLearnedFormat));
    putVarint(learned.size(), out);
    std::uint64_t seq = 0;
    std::uint64_t eventId = 0;
    for (const JournalLearned &step : learned) {
        // Deltas wrap modulo 2^64, so any order round-trips; in the usual order they are small.
        putVarint(zigzag(static_cast<std::int64_t>(step.seq - seq)), out);
        putVarint(zigzag(static_cast<std::int64_t>(step.eventId - eventId)), out);
        putDouble(step.reward, out);
        seq = step.seq;
        eventId = step.eventId;
    }
    putFixed(crc32c(out.data(), out.size()), 4, out);
    return out;
}

std::optional<std::vector<JournalLearned>> decodeLearned(std::span<const unsigned char> blob)
{
    if (blob.size() < 5)
        return std::nullopt;
    const auto content = blob.first(blob.size() - 4);
    if (crc32c(content.data(), content.size()) != getFixed(blob.data() + content.size(), 4))
        return std::nullopt;
    Reader reader(content);
    if (reader.byte() != kLearnedFormat)
        return std::nullopt;
    const std::uint64_t count = reader.varint();
    if (count > content.size() / 10) // every step takes at least ten bytes
        return std::nullopt;
    std::vector<JournalLearned> learned(count);
    std::uint64_t seq = 0;
    std::uint64_t eventId = 0;
    for (JournalLearned &step : learned) {
        seq += static_cast<std::uint64_t>(unzigzag(reader.varint()));
        eventId += static_cast<std::uint64_t>(unzigzag(reader.varint()));
        step = {seq, eventId, reader.number()};
    }
    if (!reader.ok() || !reader.atEnd())
        return std::nullopt;
    return learned;
}

std::string encodeDoubles(const std::vector<double> &values)
{
    std::string out;
    out.reserve(values.size() * 8);
    if constexpr (std::endian::native == std::endian::little) {
        out.resize(values.size() * 8);
        if (!values.empty())
            std::memcpy(out.data(), values.data(), out.size());
    } else {
        for (double value : values)
            putDouble(value, out);
    }
    return out;
}

std::optional<std::vector<double>> decodeDoubles(std::span<const unsigned char> bytes)
{
    if (bytes.size() % 8 != 0)
        return std::nullopt;
    std::vector<double> values(bytes.size() / 8);
    if constexpr (std::endian::native == std::endian::little) {
        if (!values.empty())
            std::memcpy(values.data(), bytes.data(), bytes.size());
    } else {
        for (std::size_t i = 0; i < values.size(); ++i)
            values[i] = std::bit_cast<double>(getFixed(bytes.data() + 8 * i, 8));
    }
    return values;
}

} // namespace rl
