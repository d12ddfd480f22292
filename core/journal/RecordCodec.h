#pragma once

// Private to core/journal: the journal's binary row formats.

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/feedback/TrajectoryFeedback.h"
#include "core/journal/JournalRecords.h"

namespace rl {

// A feedback item as a compact blob: a format byte, the strings with varint lengths, the scores as
// little-endian IEEE doubles, the integers as zigzag varints, then a CRC-32C of all that. About a third of
// its JSON, and about ten times faster to write and read, which is what makes a million queued items
// restorable in well under a second; the checksum makes a damaged row detectable rather than silently
// wrong.
void encodeFeedback(const TrajectoryFeedback &feedback, std::string &out);
// nullopt when the body is truncated, malformed, of an unknown format or fails its checksum.
std::optional<TrajectoryFeedback> decodeFeedback(std::span<const unsigned char> body);

// A consumption record's learning steps as one blob: a format byte, the count, then per step the seq and
// the event id as varint deltas from the step before (mostly 1-2 bytes each) and the reward as a double,
// then a CRC-32C. One blob per batch instead of a row per step: a row per step with the index its lookups
// by event id need measured at 0.7 M steps/s, the blob at several million.
std::string encodeLearned(const std::vector<JournalLearned> &learned);
// nullopt when the blob is truncated, malformed or fails its checksum.
std::optional<std::vector<JournalLearned>> decodeLearned(std::span<const unsigned char> blob);

// A vector of doubles as little-endian IEEE doubles, 8 bytes each (features, probabilities).
std::string encodeDoubles(const std::vector<double> &values);
// nullopt when the size is not a multiple of 8.
std::optional<std::vector<double>> decodeDoubles(std::span<const unsigned char> bytes);

} // namespace rl
