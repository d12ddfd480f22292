#include "gui/host/LoggingCategories.h"

namespace rl {

Q_LOGGING_CATEGORY(lcOperator, "rlstudio.operator", QtInfoMsg)
Q_LOGGING_CATEGORY(lcUi, "rlstudio.ui", QtInfoMsg)

} // namespace rl
