#pragma once

#include <optional>
#include <vector>

#include <QColor>
#include <QList>
#include <QString>
#include <QTimer>
#include <QWidget>

#include "widgets/RollingSeries.h"

QT_BEGIN_NAMESPACE
class QChart;
class QChartView;
class QDateTimeAxis;
class QGraphicsSimpleTextItem;
class QLabel;
class QLineSeries;
class QValueAxis;
QT_END_NAMESPACE

namespace rl {

// A titled line chart of several series over a rolling time window (x: wall time in ms since the
// epoch). Samples go into ring buffers; the chart is rebuilt from them at most every 40 ms, with no more
// points per series than the plot has pixel columns, so appending thousands of samples a second stays
// cheap. A hidden chart defers its redraw until it is shown.
class TimeSeriesChart : public QWidget {
    Q_OBJECT

public:
    explicit TimeSeriesChart(const QString &title, QWidget *parent = nullptr);

    int addSeries(const QString &name, const QColor &color = QColor(), qsizetype capacity = 20000);
    void append(int series, qint64 timeMs, double value);
    // The clock the time axis follows (charts side by side share it): the axis ends here whether or not a
    // series has a point this recent, so a series without news goes stale in view instead of freezing
    // the axis. Unset, the axis ends at the newest point.
    void setNow(qint64 timeMs);
    qint64 shownUntilMs() const { return m_shownUntilMs; } // the time axis's end, as last drawn
    void setWindowSeconds(int seconds);
    void setUnit(const QString &unit, int decimals);
    void setValueRange(std::optional<double> min, std::optional<double> max);
    void addThreshold(const QString &label, double value, const QColor &color);
    void clear();

    int displayedPointCount(int series) const;
    int plotWidthPixels() const;
    QString hoverText(int series, qint64 timeMs) const; // what the tooltip shows there; empty if no data

Q_SIGNALS:
    void redrawn();

protected:
    void showEvent(QShowEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    struct Series {
        QString name;
        QLineSeries *line; // owned by the chart
        RollingSeries data;
    };
    struct Threshold {
        double value;
        QLineSeries *line;              // owned by the chart
        QGraphicsSimpleTextItem *label; // owned by the chart: named on the line, not in the crowded legend
    };

    void scheduleRedraw();
    void redraw();
    void updateValueAxis(double low, double high);
    void placeThresholdLabels();
    void updateLegend();
    void applyPalette();
    QString formatValue(double value) const;

    QChart *m_chart;    // owned by m_view
    QChartView *m_view; // child widget
    QDateTimeAxis *m_timeAxis;
    QValueAxis *m_valueAxis;
    QLabel *m_legend; // child widget, below the view
    std::vector<Series> m_series;
    std::vector<Threshold> m_thresholds;
    QTimer m_redrawTimer;
    int m_windowSeconds = 300;
    std::optional<qint64> m_nowMs;
    qint64 m_shownUntilMs = 0;
    QString m_unit;
    int m_decimals = 2;
    std::optional<double> m_fixedMin;
    std::optional<double> m_fixedMax;
    bool m_redrawDeferred = false; // data changed while hidden
    bool m_redrawing = false;      // ignore the plot-area changes a redraw itself causes
};

} // namespace rl
