#include "gui/ui/TuningSettings.h"

#include <QSettings>

namespace rl {

namespace {

constexpr TuningSettings::Key kKeys[] = {TuningSettings::Key::BatchSize,    TuningSettings::Key::Interval,
                                         TuningSettings::Key::EmissionRate, TuningSettings::Key::Policy,
                                         TuningSettings::Key::Evaluation,   TuningSettings::Key::Loop,
                                         TuningSettings::Key::Simulator,    TuningSettings::Key::TimeScale};

QString settingName(TuningSettings::Key key)
{
    switch (key) {
    case TuningSettings::Key::BatchSize:
        return QStringLiteral("tuning/batchSize");
    case TuningSettings::Key::Interval:
        return QStringLiteral("tuning/intervalSeconds");
    case TuningSettings::Key::EmissionRate:
        return QStringLiteral("tuning/emissionRate");
    case TuningSettings::Key::Policy:
        return QStringLiteral("tuning/policy");
    case TuningSettings::Key::Evaluation:
        return QStringLiteral("tuning/evaluationEnabled");
    case TuningSettings::Key::Loop:
        return QStringLiteral("tuning/loopEnabled");
    case TuningSettings::Key::Simulator:
        return QStringLiteral("tuning/simulatorEnabled");
    case TuningSettings::Key::TimeScale:
        return QStringLiteral("tuning/timeScale");
    }
    return {};
}

} // namespace

QVariant TuningSettings::valueIn(Key key, const EngineOptions &engine, const AlertMonitor::Options &alerts)
{
    // As a snapshot of an engine started with these options would show it: one mapping of keys to values.
    EngineSnapshot snapshot;
    snapshot.health.batchSize = engine.loop.batchSize;
    snapshot.health.intervalSeconds = engine.loop.intervalSeconds;
    snapshot.emissionRate = engine.emissionRate;
    snapshot.health.policy = engine.policy;
    snapshot.health.trajectoryEvaluationEnabled = engine.loop.evaluationEnabled;
    snapshot.health.rlFeedbackEnabled = engine.loop.loopEnabled;
    snapshot.simulatorEnabled = engine.simulatorEnabled;
    return current(key, snapshot, alerts.timeScale);
}

namespace {

// Stores a saved value into the options, if it is one the command line would accept; false if not.
bool setOption(TuningSettings::Key key, const QVariant &value, EngineOptions &engine, AlertMonitor::Options &alerts)
{
    bool ok = true;
    switch (key) {
    case TuningSettings::Key::BatchSize: {
        const qulonglong n = value.toULongLong(&ok);
        ok = ok && n >= LoopConfig::kMinBatchSize && n <= LoopConfig::kMaxBatchSize;
        if (ok)
            engine.loop.batchSize = n;
        break;
    }
    case TuningSettings::Key::Interval: {
        const double s = value.toDouble(&ok);
        ok = ok && s >= LoopConfig::kMinIntervalSeconds && s <= LoopConfig::kMaxIntervalSeconds;
        if (ok)
            engine.loop.intervalSeconds = s;
        break;
    }
    case TuningSettings::Key::EmissionRate: {
        const double r = value.toDouble(&ok);
        ok = ok && r >= 0.0 && r <= EngineOptions::kMaxEmissionRate;
        if (ok)
            engine.emissionRate = r;
        break;
    }
    case TuningSettings::Key::Policy: {
        const std::string name = value.toString().toStdString();
        ok = !name.empty();
        if (ok)
            engine.policy = name; // an unknown name is refused by the engine, which says so
        break;
    }
    case TuningSettings::Key::Evaluation:
        engine.loop.evaluationEnabled = value.toBool();
        break;
    case TuningSettings::Key::Loop:
        engine.loop.loopEnabled = value.toBool();
        break;
    case TuningSettings::Key::Simulator:
        engine.simulatorEnabled = value.toBool();
        break;
    case TuningSettings::Key::TimeScale: {
        const double t = value.toDouble(&ok);
        ok = ok && t >= 1.0 && t <= 3600.0;
        if (ok)
            alerts.timeScale = t;
        break;
    }
    }
    return ok;
}

} // namespace

QVariant TuningSettings::current(Key key, const EngineSnapshot &snapshot, double timeScale)
{
    switch (key) {
    case Key::BatchSize:
        return QVariant::fromValue<qulonglong>(snapshot.health.batchSize);
    case Key::Interval:
        return snapshot.health.intervalSeconds;
    case Key::EmissionRate:
        return snapshot.emissionRate;
    case Key::Policy:
        return QString::fromStdString(snapshot.health.policy);
    case Key::Evaluation:
        return snapshot.health.trajectoryEvaluationEnabled;
    case Key::Loop:
        return snapshot.health.rlFeedbackEnabled;
    case Key::Simulator:
        return snapshot.simulatorEnabled;
    case Key::TimeScale:
        return timeScale;
    }
    return {};
}

QStringList TuningSettings::apply(EngineOptions &engine, AlertMonitor::Options &alerts, const Overrides &overrides)
{
    QSettings settings;
    QStringList notices;
    for (const Key key : kKeys) {
        const QVariant saved = settings.value(settingName(key));
        if (!saved.isValid())
            continue;
        if (const auto overridden = overrides.find(key); overridden != overrides.end()) {
            if (saved.toString() != valueIn(key, engine, alerts).toString())
                notices << tr("%1 is used instead of the saved %2").arg(overridden->source, saved.toString());
            continue;
        }
        if (!setOption(key, saved, engine, alerts))
            notices << tr("the saved %1 \"%2\" is not valid and was not used").arg(settingName(key), saved.toString());
    }
    return notices;
}

void TuningSettings::save(const EngineSnapshot &snapshot, double timeScale, const Overrides &overrides)
{
    QSettings settings;
    for (const Key key : kKeys) {
        const QVariant value = current(key, snapshot, timeScale);
        if (const auto overridden = overrides.find(key);
            overridden != overrides.end() && overridden->value.toString() == value.toString())
            continue;
        settings.setValue(settingName(key), value);
    }
}

void TuningSettings::clear()
{
    QSettings().remove(QStringLiteral("tuning"));
}

} // namespace rl
