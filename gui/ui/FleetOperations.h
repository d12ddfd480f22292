#pragma once

#include <functional>
#include <map>
#include <memory>
#include <vector>

#include <QObject>
#include <QStringList>

#include "gui/host/FleetSnapshot.h"

class QAction;
class QWidget;

namespace rl {

class ControlClient;

// Operating the fleet view's selected instances through their control API (docs/api.md), as the main window
// operates its engine: process once, drain, purge, gradual recovery, the loop and evaluation flags, batch size
// and interval.
// Each asks first, naming the instances and what it affects; each instance's answer goes to the event log
// (rlstudio.operator). Whether an instance exposes the API is asked once (GET /v1/config): the others (any
// service that only serves the metrics, the original included) are read-only and skipped.
class FleetOperations : public QObject {
    Q_OBJECT

public:
    FleetOperations(QByteArray token, QWidget *window);
    ~FleetOperations() override;

    // The rows the operations act on, as the table last showed them.
    void setSelection(const std::vector<FleetInstance> &selected);
    const std::vector<QAction *> &actions() const { return m_actions; }
    // Operable instances among the selection, as far as known.
    QStringList operable() const;

Q_SIGNALS:
    // Every instance of an operation answered: done of asked succeeded.
    void finished(const QString &operation, int done, int asked);

private:
    enum class Kind {
        ProcessOnce,
        Drain,
        Purge,
        GradualRecovery,
        LoopOn,
        LoopOff,
        EvaluationOn,
        EvaluationOff,
        BatchSize,
        Interval
    };
    QAction *make(Kind kind, const QString &text, const QString &toolTip);
    void run(Kind kind, const QString &text);
    void probe(const FleetInstance &instance);
    // The runbook's gradual recovery on one instance: evaluation off, drain, evaluation on, each step once
    // the instance confirmed the one before; done with the outcome.
    void recover(ControlClient &client, std::function<void(bool, const QString &)> done);
    void updateActions();
    ControlClient &clientFor(const QString &instance);

    QByteArray m_token;
    QWidget *m_window;
    std::vector<QAction *> m_actions;
    std::vector<FleetInstance> m_selected;
    std::map<QString, bool> m_operable; // instance -> exposes the control API; absent: not asked yet
    std::map<QString, std::unique_ptr<ControlClient>> m_clients;
};

} // namespace rl
