#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "core/sim/TrueWeights.h"
#include "core/support/Rng.h"

namespace rl {

// The shape of a synthetic learning stream, as `rlstudio simulate-stream` takes it.
struct StreamSpec {
    static constexpr std::size_t kMaxRounds = 1000000;
    static constexpr double kMaxNoiseSd = 10.0;

    struct Drift {
        std::size_t round;  // from this round on (counting from 0) ...
        std::uint64_t seed; // ... the arms follow weights drawn from this seed
    };

    std::size_t arms = 4;
    std::size_t dimension = 10;
    std::size_t rounds = 20000;
    double noiseSd = 0.1;
    std::uint64_t seed = 1;
    std::vector<Drift> drift; // increasing rounds in 1..rounds-1

    // Throws std::invalid_argument naming the field out of range.
    void validate() const;
};

// Makes streams in the linear-4x10 format from a seed, deterministically: each round a context x of
// uniform [0, 1) features and, per arm, the reward clip(w_k . x + N(0, noiseSd), 0, 1), where the hidden
// weights w_k (positive, summing to 1, so w_k . x lies in [0, 1]) are drawn from the seed and, for a
// non-stationary stream, drawn afresh from each drift's seed from its round on.
class StreamGenerator {
public:
    // Throws std::invalid_argument as spec.validate() does.
    explicit StreamGenerator(StreamSpec spec);

    const StreamSpec &spec() const { return m_spec; }
    const TrueWeights &trueWeights() const { return m_weights; }
    // meta.json: the spec, the arms' names and the true weights (with `drift` when there is any), as
    // TrueWeights::parse and `rlstudio replay --weights` read it.
    nlohmann::json meta() const;

    std::string header() const; // "t,x0,..,r0,..\n"
    // Appends the next rounds (at most maxRounds) as CSV lines to out; returns how many, 0 at the end.
    std::size_t next(std::string &out, std::size_t maxRounds);
    std::size_t roundsDone() const { return m_round; }

private:
    StreamSpec m_spec;
    TrueWeights m_weights;
    Rng m_rng;
    std::size_t m_round = 0;
};

} // namespace rl
