#pragma once

#include <optional>
#include <vector>

#include <QColor>
#include <QList>
#include <QPoint>
#include <QPointer>
#include <QString>
#include <QTimer>
#include <QWidget>

#include "widgets/ChartTimeline.h"
#include "widgets/ExportDialog.h"
#include "widgets/RollingSeries.h"

QT_BEGIN_NAMESPACE
class QAbstractAxis;
class QChart;
class QChartView;
class QDateTimeAxis;
class QGraphicsLineItem;
class QGraphicsPathItem;
class QGraphicsRectItem;
class QGraphicsSimpleTextItem;
class QLabel;
class QLineSeries;
class QLogValueAxis;
class QValueAxis;
QT_END_NAMESPACE

namespace rl {

// A titled line chart of several series over time (x: wall time in ms since the epoch), on a time axis
// it may share with other charts (ChartTimeline): the wheel zooms it, a drag pans it, a double-click
// returns it to live, and the mouse moves a crosshair whose values every chart on the timeline shows.
// Annotations on the timeline are drawn as marked lines. Samples go into ring buffers; the chart is
// rebuilt from them at most every 40 ms, with no more points per series than the plot has pixel columns,
// so appending thousands of samples a second stays cheap. A hidden chart defers its redraw until shown.
class TimeSeriesChart : public QWidget {
    Q_OBJECT

public:
    explicit TimeSeriesChart(const QString &title, QWidget *parent = nullptr);
    ~TimeSeriesChart() override;

    QString title() const { return m_title; }
    // Shown instead of the title when the chart is too narrow for it (Qt Charts would elide it to "…"); the
    // whole title stays in the tooltip and the accessible name.
    void setShortTitle(const QString &shortTitle);
    int addSeries(const QString &name, const QColor &color = QColor(), qsizetype capacity = 20000);
    int seriesCount() const { return static_cast<int>(m_series.size()); }
    void append(int series, qint64 timeMs, double value);
    void appendGap(int series, qint64 timeMs); // no data from here to the next append: drawn as a gap
    qsizetype memoryBytes() const;             // the samples' storage
    qsizetype sampleCount(int series) const;   // kept, gaps included

    // Charts given the same timeline share its range, crosshair and annotations. Each chart starts with a
    // timeline of its own.
    void setTimeline(ChartTimeline *timeline);
    ChartTimeline *timeline() const { return m_timeline; }
    // The timeline's clock: while live, the axis ends here whether or not a series has a point this
    // recent, so a series without news goes stale in view instead of freezing the axis. Never set, the
    // axis ends at the newest point.
    void setNow(qint64 timeMs);
    void setWindowSeconds(int seconds);                  // the timeline's span
    qint64 shownFromMs() const { return m_shownFromMs; } // the time axis's ends, as last drawn
    qint64 shownUntilMs() const { return m_shownUntilMs; }

    void setUnit(const QString &unit, int decimals);
    void setValueRange(std::optional<double> min, std::optional<double> max);
    void addThreshold(const QString &label, double value, const QColor &color);
    void setLogScaleAvailable(bool available); // offered in the context menu
    // Charts that change together (one timeline, one answer) redraw at once unless their delays differ: a
    // panel staggers them, so no single pass of the event loop redraws them all. Default 40 ms.
    void setRedrawDelayMs(int delayMs);
    bool isLogScaleAvailable() const { return m_logScaleAvailable; }
    void setLogScale(bool on);
    bool isLogScale() const { return m_logAxis != nullptr; }
    void clear();           // every series' samples
    void removeAllSeries(); // the series themselves, for a chart whose series change (a new selection)

    int displayedPointCount(int series) const;
    int displayedSegmentCount(int series) const; // drawn lines: one more per gap in view
    int plotWidthPixels() const;
    QRect plotRect() const;        // the plot area, in this widget's coordinates
    QString crosshairText() const; // the crosshair's readout, empty when it is not shown
    // One series' line of the readout at an instant: "name: value unit", or "name: no data" in a gap or
    // further than a few pixels from any sample.
    QString valueText(int series, qint64 timeMs) const;
    QString annotationsNear(qint64 timeMs) const; // the tooltip of the annotation lines within a few pixels

    // The visible range's samples: a time column (ISO 8601, UTC) and one per series, a row per instant.
    // csvWriter() captures them now; the writer it returns formats and writes them from any thread.
    ExportDialog::Write csvWriter(const QString &path) const;

    // Asks for a file and saves the chart as PNG or SVG, or its visible range as CSV.
    enum class ExportFormat { Png, Svg, Csv };
    void exportInteractively(ExportFormat format);

Q_SIGNALS:
    void redrawn();
    void logScaleChanged(bool on);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    struct Series {
        QString name;
        QColor color;
        std::vector<QLineSeries *> segments; // owned by the chart; one per unbroken run in view
        RollingSeries data;
    };
    struct Threshold {
        double value;
        QLineSeries *line;              // owned by the chart
        QGraphicsSimpleTextItem *label; // owned by the chart: named on the line, not in the crowded legend
    };

    void scheduleRedraw();
    void redraw();
    void drawSeries(Series &series, const QList<QPointF> &points, double logFloor);
    QLineSeries *newLine(const QColor &color, Qt::PenStyle style, qreal width);
    static QValueAxis *makeLinearAxis();
    QAbstractAxis *valueAxis() const;
    double valueMin() const;
    double valueMax() const;
    void updateValueAxis(double low, double high);
    void updateLogAxis(double lowPositive, double high);
    void placeUnit();
    void placeThresholdLabels();
    void placeAnnotations();
    void placeCrosshair();
    void updateLegend();
    void applyPalette();
    QString formatValue(double value) const;
    std::optional<qint64> timeAt(QPoint viewportPos) const; // inside the plot only
    double xFor(qint64 timeMs) const;                       // in chart coordinates
    double msPerPixel() const;                              // along the time axis, as last drawn
    void showContextMenu(QPoint globalPos);

    void fitTitle();

    QString m_title;
    QString m_shortTitle;
    QChart *m_chart;    // owned by m_view
    QChartView *m_view; // child widget
    QDateTimeAxis *m_timeAxis;
    QValueAxis *m_linearAxis = nullptr; // the value axis, one of these two
    QLogValueAxis *m_logAxis = nullptr;
    QLabel *m_legend; // child widget, below the view
    ChartTimeline *m_ownTimeline;
    QPointer<ChartTimeline> m_timeline;
    std::vector<Series> m_series;
    std::vector<Threshold> m_thresholds;
    std::vector<QGraphicsPathItem *> m_annotationPaths; // owned by the chart; one per colour, reused
    QGraphicsLineItem *m_crosshairLine;                 // owned by the chart
    QGraphicsRectItem *m_readout;                       // owned by the chart
    QGraphicsSimpleTextItem *m_readoutText;             // owned by m_readout
    QTimer m_redrawTimer;
    qint64 m_shownFromMs = 0;
    qint64 m_shownUntilMs = 0;
    QString m_unit;
    bool m_unitOnAxis = true; // else named in the legend
    int m_decimals = 2;
    std::optional<double> m_fixedMin;
    std::optional<double> m_fixedMax;
    bool m_logScaleAvailable = false;
    double m_logFloor = 1.0;          // log scale: where zero and below are drawn
    std::optional<QPoint> m_dragFrom; // viewport position of a press that may become a pan
    bool m_dragging = false;          // it moved far enough to be one
    bool m_redrawDeferred = false;    // data changed while hidden
    bool m_redrawing = false;         // ignore the plot-area changes a redraw itself causes
};

} // namespace rl
