#pragma once

#include <deque>
#include <optional>

#include <QColor>
#include <QObject>
#include <QString>

namespace rl {

// The time axis several charts share, as Grafana's dashboards do: the visible range (following the clock
// while live, held while paused), the crosshair's instant, and the annotations drawn on every chart. A
// chart's wheel, drag and double-click change it, so all charts zoom, pan and return to live together.
class ChartTimeline : public QObject {
    Q_OBJECT

public:
    struct Annotation {
        qint64 timeMs = 0;
        QString text;
        QColor color;
        QString key; // annotations with the same key close together merge (a slider dragged)
    };

    static constexpr qint64 kMinSpanMs = 10'000;
    static constexpr qsizetype kMaxAnnotations = 10'000; // the oldest go first
    static constexpr qint64 kMergeMs = 2'000;

    explicit ChartTimeline(QObject *parent = nullptr);

    // The clock the live range ends at (the newest snapshot's time); earlier calls are ignored.
    void setNow(qint64 timeMs);
    qint64 now() const { return m_nowMs; }

    qint64 spanMs() const { return m_spanMs; }
    void setSpanMs(qint64 spanMs);                // keeps the range's end
    void showRange(qint64 startMs, qint64 endMs); // pauses there (within the history kept)
    void setMaxSpanMs(qint64 spanMs);
    qint64 maxSpanMs() const { return m_maxSpanMs; }
    qint64 endMs() const { return m_live ? m_nowMs : m_endMs; }
    qint64 startMs() const { return endMs() - m_spanMs; }

    bool isLive() const { return m_live; }
    void setLive(bool live); // pausing holds the range where it is
    // Steps the span along a ladder of round spans (10 s, 15 s, 30 s, 1 min … 24 h, 2 d, 3 d, 7 d), shorter for steps >
    // 0, around anchorMs, which stays at the same place on screen. Live, the end stays at the clock, so zooming a live
    // view keeps it live.
    void zoom(int steps, qint64 anchorMs);
    void pan(qint64 deltaMs); // moves the range (later when positive), pausing; never past the clock

    std::optional<qint64> crosshair() const { return m_crosshairMs; }
    void setCrosshair(std::optional<qint64> timeMs);

    void addAnnotation(qint64 timeMs, const QString &text, const QColor &color, const QString &key = QString());
    const std::deque<Annotation> &annotations() const { return m_annotations; }
    void clearAnnotations();

Q_SIGNALS:
    void rangeChanged();
    void liveChanged(bool live);
    void crosshairChanged();
    void annotationsChanged();

private:
    void setRange(qint64 endMs, qint64 spanMs);

    qint64 m_nowMs = 0;
    qint64 m_endMs = 0; // while paused
    qint64 m_spanMs = 300'000;
    qint64 m_maxSpanMs = 24 * 3600 * 1000;
    bool m_live = true;
    std::optional<qint64> m_crosshairMs;
    std::deque<Annotation> m_annotations; // in time order
};

} // namespace rl
