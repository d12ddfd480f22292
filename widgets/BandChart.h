#pragma once

#include <vector>

#include <QList>
#include <QString>
#include <QWidget>

QT_BEGIN_NAMESPACE
class QAreaSeries;
class QChart;
class QChartView;
class QLabel;
class QLineSeries;
class QValueAxis;
QT_END_NAMESPACE

namespace rl {

// Curves over a numeric x axis (e.g. each policy's estimate against the number of logged samples), each
// a mean line in a shaded band of its interval, in the series colours IntervalBarChart uses. Built to be
// fed again and again as runs finish: the chart's series are reused while the curves keep their shape.
class BandChart : public QWidget {
    Q_OBJECT

public:
    struct Curve {
        QString name;
        QList<double> x;
        QList<double> mean;
        QList<double> low; // low and high empty: no band
        QList<double> high;
    };

    explicit BandChart(QWidget *parent = nullptr);

    void setTitles(const QString &title, const QString &xTitle, const QString &yTitle);
    // Replaces every curve; the axes fit every mean and band, y from 0 when all are at least 0.
    void setCurves(const QList<Curve> &curves);
    void clear();
    void setPlaceholderText(const QString &text); // shown centred while there are no curves

    QChart *chart() const { return m_chart; }
    QSize sizeHint() const override;

protected:
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    struct Slot {
        QLineSeries *mean = nullptr;  // owned by the chart
        QAreaSeries *band = nullptr;  // owned by the chart; null: the curve has no band
        QLineSeries *upper = nullptr; // owned by band
        QLineSeries *lower = nullptr;
    };

    void rebuild(const QList<bool> &bands);
    void fitAxes();
    void updateLegend(const QList<Curve> &curves);
    void applyPalette();

    QChart *m_chart;       // owned by m_view
    QChartView *m_view;    // child widget
    QLabel *m_legend;      // child widget, below the view
    QLabel *m_placeholder; // child widget, instead of the view and legend while there are no curves
    QValueAxis *m_xAxis;   // owned by the chart
    QValueAxis *m_yAxis;
    std::vector<Slot> m_slots;
    double m_xMin = 0;
    double m_xMax = 1;
    double m_yMin = 0;
    double m_yMax = 1;
};

} // namespace rl
