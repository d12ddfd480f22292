#include "core/support/Rng.h"

#include <charconv>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

#include <nlohmann/json.hpp>

#include "core/support/JsonReader.h"
#include "core/support/NumberFormat.h"

namespace rl {

namespace {

std::uint64_t splitmix64(std::uint64_t &x)
{
    std::uint64_t z = (x += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

std::uint64_t rotl(std::uint64_t x, int k)
{
    return (x << k) | (x >> (64 - k));
}

// State words are hex strings: JSON numbers above 2^53 do not survive every consumer (JavaScript, QJsonValue).
std::string toHex(std::uint64_t v)
{
    char buf[17];
    const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v, 16);
    return std::string(buf, end);
}

std::uint64_t fromHex(const nlohmann::json &v, std::size_t index)
{
    const std::string where = "rng state.s[" + std::to_string(index) + "]";
    if (!v.is_string())
        throw std::invalid_argument(where + ": expected a hex string, got " + describeJson(v));
    const std::string &s = v.get_ref<const std::string &>();
    std::uint64_t out = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out, 16);
    if (s.empty() || ec != std::errc() || end != s.data() + s.size())
        throw std::invalid_argument(where + ": not a 64-bit hex number: '" + s + "'");
    return out;
}

} // namespace

Rng::Rng(std::uint64_t seed)
{
    for (auto &word : m_s)
        word = splitmix64(seed);
}

std::uint64_t Rng::next()
{
    const std::uint64_t result = rotl(m_s[1] * 5, 7) * 9;
    const std::uint64_t t = m_s[1] << 17;
    m_s[2] ^= m_s[0];
    m_s[3] ^= m_s[1];
    m_s[1] ^= m_s[2];
    m_s[0] ^= m_s[3];
    m_s[2] ^= t;
    m_s[3] = rotl(m_s[3], 45);
    return result;
}

double Rng::uniform()
{
    return static_cast<double>(next() >> 11) * 0x1.0p-53;
}

std::size_t Rng::below(std::size_t n)
{
    if (n == 0)
        throw std::invalid_argument("Rng::below: n must be at least 1");
    // Rejection on the top of the range: the accepted draws are an exact multiple of n, so no bias.
    const std::uint64_t bound = static_cast<std::uint64_t>(n);
    const std::uint64_t limit =
        std::numeric_limits<std::uint64_t>::max() - std::numeric_limits<std::uint64_t>::max() % bound;
    std::uint64_t v = next();
    while (v >= limit)
        v = next();
    return static_cast<std::size_t>(v % bound);
}

double Rng::normal(double mean, double sd)
{
    // Marsaglia's polar method yields two normals per accepted pair; the second is cached for the next call.
    if (m_hasSpare) {
        m_hasSpare = false;
        return mean + sd * m_spareNormal;
    }
    double u = 0.0;
    double v = 0.0;
    double s = 0.0;
    do {
        u = 2.0 * uniform() - 1.0;
        v = 2.0 * uniform() - 1.0;
        s = u * u + v * v;
    } while (s >= 1.0 || s == 0.0);
    const double factor = std::sqrt(-2.0 * std::log(s) / s);
    m_spareNormal = v * factor;
    m_hasSpare = true;
    return mean + sd * u * factor;
}

nlohmann::json Rng::state() const
{
    nlohmann::json s = nlohmann::json::array();
    for (const auto word : m_s)
        s.push_back(toHex(word));
    return {{"s", s}, {"has_spare", m_hasSpare}, {"spare", m_spareNormal}};
}

void Rng::restore(const nlohmann::json &state)
{
    const JsonReader reader(state, "rng state");
    if (!reader.has("s") || !state["s"].is_array() || state["s"].size() != 4)
        reader.fail("s", "expected an array of 4 hex strings");
    std::array<std::uint64_t, 4> words{};
    for (std::size_t i = 0; i < 4; ++i)
        words[i] = fromHex(state["s"][i], i);
    if (words == std::array<std::uint64_t, 4>{})
        reader.fail("s", "all zero, a state xoshiro256** never reaches");
    const bool hasSpare = reader.boolean("has_spare");
    const double spare = reader.number("spare");
    if (!std::isfinite(spare))
        reader.fail("spare", "expected a finite number, got " + formatNumber(spare));

    m_s = words;
    m_hasSpare = hasSpare;
    m_spareNormal = spare;
}

} // namespace rl
