#pragma once

namespace rl {

// Makes the calling thread yield to the others under contention (Linux: its nice value, per thread), for
// background work whose latency matters less than the API's: the journal's writer, the loop. On 2 cores the
// API's answers otherwise wait out the writer's and the loop's time slices. No effect elsewhere.
void deprioritizeThisThread();

} // namespace rl
