#pragma once

#include <optional>

#include <QList>
#include <QRectF>
#include <QString>
#include <QStringList>
#include <QWidget>
#include <QtNumeric>

namespace rl {

// Grouped bars with interval whiskers (e.g. each off-policy estimator's estimate of each target policy's
// reward, with its 95 % interval): one group per category along the x axis, one bar per series within a
// group, a legend of the series on top and an optional dashed reference line (e.g. the logged policy's
// mean reward). Painted by hand: Qt Charts has no error bars.
class IntervalBarChart : public QWidget {
    Q_OBJECT

public:
    struct Bar {
        double value = qQNaN(); // NaN: undefined, drawn as "–" and said so in its tooltip
        std::optional<double> low;
        std::optional<double> high;
    };

    explicit IntervalBarChart(QWidget *parent = nullptr);

    // bars[series][category]; a missing entry is undefined.
    void setData(const QStringList &categories, const QStringList &series, const QList<QList<Bar>> &bars);
    void clear(); // shows the placeholder text
    void setPlaceholderText(const QString &text);
    void setValueTitle(const QString &title);
    // A dashed horizontal line named in the legend; nullopt removes it.
    void setReference(std::optional<double> value, const QString &label);

    // "DR · target A: 0.5123 [0.4981, 0.5266]" over a bar (or its whisker, or its "–"), the reference's
    // label and value over its line, the whole name over a legend entry or category name elided to fit,
    // else empty.
    QString toolTipAt(const QPoint &position) const;

    // The layout at the current size, in this widget's coordinates.
    QRectF plotRect() const;
    QRectF barRect(int series, int category) const; // the bar, its whisker and its "–" mark
    double axisMin() const;
    double axisMax() const;
    double tickStep() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    bool event(QEvent *event) override;

private:
    struct LegendEntry {
        QRectF swatch;
        QRectF text;
        QString label; // elided to fit
        int series;    // -1: the reference line
    };
    struct Layout {
        QRectF plot;
        double min = 0;
        double max = 1;
        double step = 0.25;
        int decimals = 2;
        QList<LegendEntry> legend;
        double tickLabelWidth = 0;
    };

    Layout layout() const;
    QList<LegendEntry> layoutLegend(const QRectF &area, double *height) const; // area: its top, left and width
    double yFor(const Layout &layout, double value) const;
    QRectF slotRect(const Layout &layout, int series, int category) const; // the bar's column
    QRectF hitRect(const Layout &layout, int series, int category) const;
    Bar bar(int series, int category) const;
    bool isEmpty() const;
    QString describe(int series, int category) const;
    void updateDescription();
    void paintBar(QPainter &painter, const Layout &layout, int series, int category) const;
    void fillSwatch(QPainter &painter, const QRectF &rect, int series) const;

    QStringList m_categories;
    QStringList m_series;
    QList<QList<Bar>> m_bars;
    QString m_placeholder;
    QString m_valueTitle;
    std::optional<double> m_reference;
    QString m_referenceLabel;
};

} // namespace rl
