#pragma once

namespace rl {

class LogRouter;
class LogView;

// Feeds a window's event log from the process's log: what was logged before the window took it, then
// every message as it comes (queued, even from the UI thread: the router emits under its lock, and
// appending may log).
void feedEventLog(LogRouter &log, LogView &view);

} // namespace rl
