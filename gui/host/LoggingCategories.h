#pragma once

#include <QLoggingCategory>

namespace rl {

// Operator actions taken in the window (rlstudio.operator) and the window itself (rlstudio.ui); the
// engine logs under rlstudio.engine (EngineWorker.h).
Q_DECLARE_LOGGING_CATEGORY(lcOperator)
Q_DECLARE_LOGGING_CATEGORY(lcUi)

} // namespace rl
