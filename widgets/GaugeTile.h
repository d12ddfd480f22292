#pragma once

#include <QColor>
#include <QList>
#include <QString>
#include <QWidget>

namespace rl {

// A semicircular gauge: coloured threshold bands as a thin outer ring, the value as an arc in the colour
// of the band it falls in, the number in the middle and the title under it. Values beyond the range pin
// the arc at its end but still print the true number.
class GaugeTile : public QWidget {
    Q_OBJECT

public:
    struct Band {
        double from; // the band runs from here to the next band's start (the last one to the maximum)
        QColor color;
        QString label;
    };

    explicit GaugeTile(const QString &title, QWidget *parent = nullptr);

    void setRange(double min, double max);
    void setBands(const QList<Band> &bands);
    void setValue(double value);
    void setUnit(const QString &unit);

    double value() const { return m_value; }
    QColor currentColor() const; // the band the value is in; the neutral text colour below every band

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    const Band *currentBand() const;
    double fraction(double value) const; // position on the arc, 0..1
    QString formatNumber(double value) const;
    void updateDescription();

    QString m_title;
    QString m_unit;
    QList<Band> m_bands; // sorted by from
    double m_min = 0;
    double m_max = 100;
    double m_value = 0;
};

} // namespace rl
