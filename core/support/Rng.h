#pragma once

#include <array>
#include <cstdint>

#include <nlohmann/json_fwd.hpp>

namespace rl {

// xoshiro256** with our own uniform and normal draws: unlike <random>'s distributions its output is the
// same on every standard library, and its whole state fits in JSON, so a restored policy resumes exactly.
class Rng {
public:
    explicit Rng(std::uint64_t seed = 1);

    std::uint64_t next();
    double uniform();                 // [0, 1)
    std::size_t below(std::size_t n); // uniform integer in [0, n)
    double normal(double mean = 0.0, double sd = 1.0);

    nlohmann::json state() const;
    void restore(const nlohmann::json &state); // throws std::invalid_argument

private:
    std::array<std::uint64_t, 4> m_s{};
    double m_spareNormal = 0.0;
    bool m_hasSpare = false;
};

} // namespace rl
