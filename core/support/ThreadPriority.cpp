#include "core/support/ThreadPriority.h"

#ifdef __linux__
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

namespace rl {

void deprioritizeThisThread()
{
#ifdef __linux__
    constexpr int kNice = 5; // a fifth or so of a default thread's share when both want a core
    const auto thread = static_cast<id_t>(::syscall(SYS_gettid));
    ::setpriority(PRIO_PROCESS, thread, ::getpriority(PRIO_PROCESS, thread) + kNice);
#endif
}

} // namespace rl
