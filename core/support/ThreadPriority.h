#pragma once

namespace rl {

// Makes the calling thread yield to the others under contention (Linux: its nice value, per thread), for
// background work whose latency matters less than the API's: the journal's writer. On 2 cores the API's
// answers otherwise wait out the writer's time slices. Not for a thread that holds a lock the API's threads
// take (the loop's): preempted while holding it, it would make them wait the longer. No effect elsewhere.
void deprioritizeThisThread();

} // namespace rl
