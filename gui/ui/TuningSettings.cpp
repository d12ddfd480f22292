#include "gui/ui/TuningSettings.h"

#include <algorithm>
#include <cmath>

#include <QSettings>

#include "core/bandit/Policy.h"
#include "core/loop/LoopConfig.h"
#include "core/support/NumberFormat.h"

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

// A saved number, checked as the command line checks its flag; throws ConfigError naming the setting.
double savedNumber(const QString &name, const QVariant &value, double min, double max)
{
    bool ok = false;
    const double number = value.toDouble(&ok);
    if (!ok || !std::isfinite(number) || number < min || number > max)
        throw ConfigError(name.toStdString() + "=\"" + value.toString().toStdString() + "\" is not a number in "
                          + formatNumber(min) + ".." + formatNumber(max));
    return number;
}

// Stores a saved value into the options through the parsers the command line and the environment use, so
// a saved value is held to the same ranges; throws ConfigError naming the setting.
void setOption(TuningSettings::Key key, const QVariant &value, EngineOptions &engine, AlertMonitor::Options &alerts)
{
    const QString name = settingName(key);
    const std::string text = value.toString().toStdString();
    switch (key) {
    case TuningSettings::Key::BatchSize:
        engine.loop.batchSize = parseBatchSize(name.toStdString(), text);
        break;
    case TuningSettings::Key::Interval:
        engine.loop.intervalSeconds = parseIntervalSeconds(name.toStdString(), text);
        break;
    case TuningSettings::Key::EmissionRate:
        engine.emissionRate = savedNumber(name, value, 0.0, EngineOptions::kMaxEmissionRate);
        break;
    case TuningSettings::Key::Policy: {
        const auto names = policyNames();
        if (std::find(names.begin(), names.end(), text) == names.end())
            throw ConfigError(name.toStdString() + "=\"" + text + "\" is not a policy");
        engine.policy = text;
        break;
    }
    case TuningSettings::Key::Evaluation:
        engine.loop.evaluationEnabled = parseFlag(name.toStdString(), text);
        break;
    case TuningSettings::Key::Loop:
        engine.loop.loopEnabled = parseFlag(name.toStdString(), text);
        break;
    case TuningSettings::Key::Simulator:
        engine.simulatorEnabled = parseFlag(name.toStdString(), text);
        break;
    case TuningSettings::Key::TimeScale:
        alerts.timeScale = savedNumber(name, value, 1.0, AlertMonitor::kMaxTimeScale);
        break;
    }
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
        try {
            setOption(key, saved, engine, alerts);
        } catch (const ConfigError &error) {
            notices << tr("a saved setting was not used: %1").arg(QString::fromUtf8(error.what()));
        }
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
