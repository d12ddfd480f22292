#include "gui/host/EngineEventDigest.h"

#include <utility>

namespace rl {

void EngineEventDigest::failed(const TrajectoryFeedback &, FailureReason reason, std::string_view message)
{
    const std::lock_guard lock(m_mutex);
    Failures &failures = m_digest.failures[static_cast<std::size_t>(reason)];
    ++failures.count;
    failures.lastMessage.assign(message);
}

void EngineEventDigest::dropped(std::size_t count, FeedbackQueue::SeqRange)
{
    const std::lock_guard lock(m_mutex);
    m_digest.dropped += count;
}

void EngineEventDigest::queued(std::size_t depth)
{
    if (m_onQueued)
        m_onQueued(depth);
}

EngineEventDigest::Digest EngineEventDigest::take()
{
    const std::lock_guard lock(m_mutex);
    return std::exchange(m_digest, Digest{});
}

} // namespace rl
