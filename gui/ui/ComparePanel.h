#pragma once

#include <optional>

#include <QWidget>

#include "gui/host/ComparisonJob.h"

class QCheckBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSettings;
class QPushButton;
class QSpinBox;
class QSortFilterProxyModel;
class QTableView;

namespace rl {

class BandChart;
class ComparisonTableModel;

// Policy comparison in the window: policy specs (sweeps included) on several seeds over a stream, the mean
// cumulative regret of each drawn as a curve with its 95 % band as the runs finish, the specs ranked in a
// table; export as CSV (every curve point) and PNG. The comparison runs off the UI thread behind a progress
// dialog with Cancel, and its finished runs are kept, so starting it again resumes where it stopped.
class ComparePanel : public QWidget {
    Q_OBJECT

public:
    explicit ComparePanel(QWidget *parent = nullptr);

    void setStream(const QString &path); // the weights default to meta.json beside it
    void setSpecs(const QString &text);  // one spec a line
    void setSeeds(int seeds);
    void setSaveFolder(const QString &folder) { m_saveFolder = folder; } // where runs are kept; empty: nowhere
    void compare();
    void exportCsv();
    void exportPng();
    // The inputs, kept for the next time (the results are not).
    void saveInputs(QSettings &settings) const;
    void restoreInputs(const QSettings &settings);

    ComparisonJob *job() const { return m_job; }
    BandChart *chart() const { return m_chart; }
    QLabel *summaryLabel() const { return m_summary; }
    QTableView *tableView() const { return m_tableView; }
    ComparisonTableModel *table() const { return m_table; }

Q_SIGNALS:
    void resultsChanged(bool available);

private:
    QWidget *buildInputs();
    QWidget *buildResults();
    void showOutcome(const ComparisonOutcome &outcome);
    void showFailure(const QString &message);
    void setRunning(bool running);

    ComparisonJob *m_job;
    QString m_saveFolder;
    QLineEdit *m_stream = nullptr;
    QLineEdit *m_weights = nullptr;
    QPlainTextEdit *m_specs = nullptr;
    QSpinBox *m_seeds = nullptr;
    QSpinBox *m_rounds = nullptr;
    QCheckBox *m_resume = nullptr;
    QPushButton *m_run = nullptr;
    QLabel *m_summary = nullptr;
    BandChart *m_chart = nullptr;
    ComparisonTableModel *m_table = nullptr;
    QSortFilterProxyModel *m_sorted = nullptr;
    QTableView *m_tableView = nullptr;
    bool m_failed = false;
};

} // namespace rl
