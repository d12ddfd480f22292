#pragma once

#include <vector>

#include <QMetaType>
#include <QString>

#include "gui/host/PrometheusClient.h"

namespace rl {

// The fleet charts' series over a time range, as one range query answered: each series names its chart in
// the `rl_column` label and its instance in job/instance/tenant/workspace (none when summed).
struct FleetCharts {
    double startSeconds = 0.0, endSeconds = 0.0, stepSeconds = 0.0;
    double rateWindowSeconds = 0.0; // the range of the rates and the latency quantile at each point
    std::vector<PromSeries> series;
    bool summed = false; // one series a chart: the sum over the instances
    int instances = 0;   // how many the charts cover; 0: unknown yet (the whole fleet)
};

} // namespace rl

Q_DECLARE_METATYPE(rl::FleetCharts)
