#include <QtTest>

#include <cmath>

#include "core/alerting/PromQlExpression.h"
#include "core/alerting/SeriesStore.h"

Q_DECLARE_METATYPE(std::optional<double>)

namespace {

// Records value(t) for t = from, from + step, ... <= to.
template<typename F>
void fill(rl::SeriesStore &store, const char *metric, double from, double to, double step, F value)
{
    for (double t = from; t <= to + 1e-9; t += step)
        store.record(metric, t, value(t));
}

std::optional<double> eval(const rl::SeriesStore &store, const char *expr, double at, double timeScale = 1.0)
{
    return rl::PromQlExpression(expr).evaluate(store, at, timeScale);
}

QString parseError(const QString &expr)
{
    try {
        rl::PromQlExpression parsed(expr.toStdString());
        return "parsed as " + QString::fromStdString(parsed.toString());
    } catch (const rl::PromQlError &error) {
        return QString::fromStdString(error.what());
    }
}

} // namespace

class TestPromQlExpression : public QObject {
    Q_OBJECT

private slots:
    void durations_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<double>("seconds"); // -1: invalid
        QTest::newRow("minutes") << "5m" << 300.0;
        QTest::newRow("combined") << "1h30m" << 5400.0;
        QTest::newRow("all units") << "1y1w1d1h1m1s1ms" << (365 + 7 + 1) * 86400.0 + 3661.001;
        QTest::newRow("days") << "2d" << 172800.0;
        QTest::newRow("millis") << "250ms" << 0.25;
        QTest::newRow("zero") << "0" << 0.0;
        QTest::newRow("zero seconds") << "0s" << 0.0;
        QTest::newRow("empty") << "" << -1.0;
        QTest::newRow("no unit") << "5" << -1.0;
        QTest::newRow("no number") << "m" << -1.0;
        QTest::newRow("wrong order") << "30m1h" << -1.0;
        QTest::newRow("unit twice") << "1h1h" << -1.0;
        QTest::newRow("unknown unit") << "5x" << -1.0;
        QTest::newRow("fraction") << "1.5h" << -1.0;
        QTest::newRow("negative") << "-5m" << -1.0;
    }

    void durations()
    {
        QFETCH(QString, text);
        QFETCH(double, seconds);
        const auto parsed = rl::PromQlExpression::parseDuration(text.toStdString());
        if (seconds < 0) {
            QVERIFY(!parsed);
        } else {
            QVERIFY(parsed);
            QCOMPARE(*parsed, seconds);
        }
    }

    void formatDuration()
    {
        QCOMPARE(rl::PromQlExpression::formatDuration(5400), std::string("1h30m"));
        QCOMPARE(rl::PromQlExpression::formatDuration(0), std::string("0s"));
        QCOMPARE(rl::PromQlExpression::formatDuration(0.1), std::string("100ms"));
        QCOMPARE(rl::PromQlExpression::formatDuration(8 * 86400), std::string("1w1d"));
        QCOMPARE(rl::PromQlExpression::formatDuration(-3600), std::string("-1h"));
        QCOMPARE(rl::PromQlExpression::formatDuration(1e300), std::string("1e+300s"));
    }

    void canonicalForm_data()
    {
        QTest::addColumn<QString>("expr");
        QTest::addColumn<QString>("canonical");
        QTest::newRow("rule 5 corrected") << "(\n  sum(rate(rl_feedback_processed_total[5m]))\n  /\n  "
                                             "sum(rate(rl_feedback_processed_total[30m] offset 1h))\n) < 0.5"
                                          << "(sum(rate(rl_feedback_processed_total[5m])) / "
                                             "sum(rate(rl_feedback_processed_total[30m] offset 1h))) < 0.5";
        QTest::newRow("range duration normalised") << "max_over_time(x[90s])"
                                                   << "max_over_time(x[1m30s])";
        QTest::newRow("label matchers kept") << "x{tenant = \"a\",workspace=~'w.*',}"
                                             << "x{tenant=\"a\", workspace=~'w.*'}";
        QTest::newRow("name matcher") << "{__name__=\"x\"} offset 5m"
                                      << "x offset 5m";
        QTest::newRow("grouping") << "sum without(a)(x)"
                                  << "sum without (a) (x)";
        QTest::newRow("grouping after") << "SUM(x) BY (a, b)"
                                        << "sum by (a, b) (x)";
        QTest::newRow("bool and matching") << "x > bool on(a) group_left y"
                                           << "x > bool on (a) group_left y";
        QTest::newRow("negative literal") << "- 2 * -x"
                                          << "-2 * -x";
        QTest::newRow("special numbers") << "x > Inf or x < -inf or x != NaN"
                                         << "x > +Inf or x < -Inf or x != NaN";
        QTest::newRow("scientific and hex") << "x + 1e3 + 0x10 + .5"
                                            << "x + 1000 + 16 + 0.5";
        QTest::newRow("comments") << "x # the queue\n > 1"
                                  << "x > 1";
        QTest::newRow("negative offset") << "x offset -5m"
                                         << "x offset -5m";
    }

    void canonicalForm()
    {
        QFETCH(QString, expr);
        QFETCH(QString, canonical);
        QCOMPARE(QString::fromStdString(rl::PromQlExpression(expr.toStdString()).toString()), canonical);
        // The canonical form parses back to itself.
        QCOMPARE(QString::fromStdString(rl::PromQlExpression(canonical.toStdString()).toString()), canonical);
    }

    void metricsAndHistory()
    {
        const rl::PromQlExpression expr(
            "sum(increase(rl_feedback_processed_total[1h])) / (sum(increase(rl_feedback_processed_total[1h])) + "
            "sum(increase(rl_feedback_failed_total[1h]))) < 0.95 or rl_feedback_queue_depth offset 2h");
        QCOMPARE(expr.metrics(), (std::vector<std::string>{"rl_feedback_processed_total", "rl_feedback_failed_total",
                                                           "rl_feedback_queue_depth"}));
        QCOMPARE(expr.historySeconds(), 7200.0 + rl::PromQlExpression::kLookbackDeltaSeconds);
        QCOMPARE(rl::PromQlExpression("rate(x[30m] offset 1h)").historySeconds(), 5400.0);
        QCOMPARE(rl::PromQlExpression("1 + 1").historySeconds(), 0.0);
        QVERIFY(rl::PromQlExpression("1 + 1").metrics().empty());
    }

    // Expected values computed by hand with Prometheus's extrapolatedRate (promql/functions.go); each was also
    // checked with `promtool test rules` (Prometheus 2.42) on the same samples.
    void rateAndIncrease_data()
    {
        QTest::addColumn<QVector<double>>("times");
        QTest::addColumn<QVector<double>>("values");
        QTest::addColumn<double>("increase"); // over (0, 300], evaluated at t = 300

        QVector<double> t15;
        QVector<double> v15;
        for (int t = 15; t <= 300; t += 15) {
            t15 << t;
            v15 << t;
        }
        // 285 sampled over 285 s; the first sample is 15 s (< 1.1 x 15) from the start, so extrapolate to it
        // (the zero point, 15 s back, does not cut it shorter): 285 * 300 / 285.
        QTest::newRow("regular") << t15 << v15 << 300.0;

        QVector<double> tGap;
        QVector<double> vGap;
        for (int t = 135; t <= 285; t += 15) {
            tGap << t;
            vGap << 1000 + (t - 135);
        }
        // Gaps of 135 s at the start (>= 16.5: only half an interval, 7.5) and 15 s at the end (all of it).
        QTest::newRow("gap at start") << tGap << vGap << 150.0 * (150 + 7.5 + 15) / 150;

        QVector<double> tEnd;
        QVector<double> vEnd;
        for (int t = 15; t <= 150; t += 15) {
            tEnd << t;
            vEnd << t;
        }
        QTest::newRow("gap at end") << tEnd << vEnd << 135.0 * (135 + 15 + 7.5) / 135;

        // 100 160 | 20 80 140: the drop is a reset, so 160 counts in full: 40 + 160 = 200 over 240 s,
        // extrapolated 60 s to the start: 200 * 300 / 240.
        QTest::newRow("counter reset") << QVector<double>{60, 120, 180, 240, 300}
                                       << QVector<double>{100, 160, 20, 80, 140} << 250.0;

        // 240 over 240 s; the start is 60 s away but the counter would reach zero 10 s before the first sample.
        QTest::newRow("zero point") << QVector<double>{60, 120, 180, 240, 300} << QVector<double>{10, 70, 130, 190, 250}
                                    << 250.0;
    }

    void rateAndIncrease()
    {
        QFETCH(QVector<double>, times);
        QFETCH(QVector<double>, values);
        QFETCH(double, increase);
        rl::SeriesStore store(3600);
        for (qsizetype i = 0; i < times.size(); ++i)
            store.record("x", times[i], values[i]);
        const auto inc = eval(store, "increase(x[5m])", 300);
        const auto rate = eval(store, "rate(x[5m])", 300);
        QVERIFY(inc && rate);
        QCOMPARE(*inc, increase);
        QCOMPARE(*rate, increase / 300);
    }

    void rateNeedsTwoSamplesInsideTheWindow()
    {
        rl::SeriesStore store(3600);
        QVERIFY(!eval(store, "rate(x[5m])", 300));
        store.record("x", 0, 1); // on the window's open start: outside
        store.record("x", 300, 5);
        QVERIFY(!eval(store, "rate(x[5m])", 300));
        QVERIFY(!eval(store, "increase(x[5m])", 300));
        store.record("x", 301, 6);
        QVERIFY(eval(store, "rate(x[5m])", 301));
    }

    void increaseNeverNegative()
    {
        // A counter that only resets: each drop counts the value before it, never a negative increase.
        rl::SeriesStore store(3600);
        fill(store, "x", 30, 300, 30, [](double t) { return t > 150 ? 1.0 : 50.0; });
        const auto inc = eval(store, "increase(x[5m])", 300);
        QVERIFY(inc);
        QVERIFY(*inc >= 0);
    }

    void overTime()
    {
        rl::SeriesStore store(3600);
        const QVector<double> values{3, 9, 6, 0, 12};
        for (int i = 0; i < values.size(); ++i)
            store.record("g", 60.0 * (i + 1), values[i]);
        QCOMPARE(*eval(store, "avg_over_time(g[5m])", 300), 6.0);
        QCOMPARE(*eval(store, "max_over_time(g[5m])", 300), 12.0);
        QCOMPARE(*eval(store, "min_over_time(g[5m])", 300), 0.0);
        // (120, 300]: 6 0 12.
        QCOMPARE(*eval(store, "avg_over_time(g[3m])", 300), 6.0);
        QCOMPARE(*eval(store, "max_over_time(g[3m])", 300), 12.0);
        QCOMPARE(*eval(store, "avg_over_time(g[150s])", 300), 6.0);
        QVERIFY(!eval(store, "avg_over_time(g[1m])", 30)); // nothing in (-30, 30]
        QVERIFY(!eval(store, "avg_over_time(missing[1h])", 300));
    }

    void instantSelectorLookback()
    {
        rl::SeriesStore store(3600);
        store.record("q", 100, 7);
        QCOMPARE(*eval(store, "q", 100), 7.0);
        QCOMPARE(*eval(store, "q", 399), 7.0);
        QVERIFY(!eval(store, "q", 400)); // exactly 5 minutes old: outside (t - 5m, t]
        QVERIFY(!eval(store, "q", 99));  // nothing yet
        store.record("q", 200, 8);
        QCOMPARE(*eval(store, "q", 250), 8.0);
    }

    void offset()
    {
        rl::SeriesStore store(7200);
        fill(store, "c", 60, 7200, 60, [](double t) { return t < 3600 ? 2 * t : 7200 + (t - 3600) / 2; });
        // Instant: the latest sample at or before t - 1h.
        QCOMPARE(*eval(store, "c offset 1h", 5430), 2 * 1800.0);
        // The same window an hour earlier: the first hour's rate.
        QCOMPARE(*eval(store, "rate(c[30m] offset 1h)", 7200), 2.0);
        QCOMPARE(*eval(store, "rate(c[30m])", 7200), 0.5);
        QCOMPARE(*eval(store, "sum(rate(c[5m])) / sum(rate(c[30m] offset 1h))", 7200), 0.25);
        QVERIFY(!eval(store, "c offset 1h", 3000)); // an hour earlier there was nothing yet
    }

    void comparisonsFilter()
    {
        rl::SeriesStore store(3600);
        store.record("x", 10, 3);
        QVERIFY(!eval(store, "x > 5", 10));
        QCOMPARE(*eval(store, "x < 5", 10), 3.0);      // keeps the vector's value, not 1
        QCOMPARE(*eval(store, "5 > x", 10), 3.0);      // even with the scalar on the left
        QCOMPARE(*eval(store, "x > bool 5", 10), 0.0); // bool: 0 or 1, never filtered
        QCOMPARE(*eval(store, "x <= bool 3", 10), 1.0);
        QCOMPARE(*eval(store, "x == 3", 10), 3.0);
        QVERIFY(!eval(store, "x != 3", 10));
        QCOMPARE(*eval(store, "x >= 3", 10), 3.0);
        QCOMPARE(*eval(store, "1 > bool 2", 10), 0.0);
        QVERIFY(!eval(store, "missing > bool 5", 10)); // no element to compare
        QVERIFY(!eval(store, "x > NaN", 10));
        // Vector to vector: the left side's value when it holds.
        store.record("y", 10, 2);
        QCOMPARE(*eval(store, "x > y", 10), 3.0);
        QVERIFY(!eval(store, "y > x", 10));
    }

    void arithmetic()
    {
        rl::SeriesStore store(3600);
        store.record("x", 10, 6);
        QCOMPARE(*eval(store, "x / 4", 10), 1.5);
        QCOMPARE(*eval(store, "-x * 2", 10), -12.0);
        QCOMPARE(*eval(store, "x - -1", 10), 7.0);
        QVERIFY(std::isinf(*eval(store, "x / 0", 10)));
        QVERIFY(std::isnan(*eval(store, "0 / 0", 10)));
        QVERIFY(!eval(store, "x + missing", 10));
        QCOMPARE(*eval(store, "sum(x) + avg(x) + max(x) + min(x)", 10), 24.0);
        QVERIFY(!eval(store, "sum(missing)", 10)); // sum of nothing is nothing, not 0
    }

    void setOperators()
    {
        rl::SeriesStore store(3600);
        store.record("a", 10, 1);
        store.record("b", 10, 2);
        QCOMPARE(*eval(store, "a and b", 10), 1.0);
        QVERIFY(!eval(store, "a and missing", 10));
        QVERIFY(!eval(store, "missing and a", 10));
        QCOMPARE(*eval(store, "a or b", 10), 1.0);
        QCOMPARE(*eval(store, "missing or b", 10), 2.0);
        QVERIFY(!eval(store, "missing or missing", 10));
        QVERIFY(!eval(store, "a unless b", 10));
        QCOMPARE(*eval(store, "a unless missing", 10), 1.0);
        // The stalled rule's shape: a filtered comparison on each side.
        QCOMPARE(*eval(store, "(a == 1) and (b > 0)", 10), 1.0);
        QVERIFY(!eval(store, "(a == 0) and (b > 0)", 10));
    }

    void precedence_data()
    {
        QTest::addColumn<QString>("expr");
        QTest::addColumn<std::optional<double>>("value"); // with a = 1, b = 2, c missing
        QTest::newRow("* before +") << "1 + 2 * 3" << std::optional(7.0);
        QTest::newRow("/ before -") << "10 - 4 / 2" << std::optional(8.0);
        QTest::newRow("left associative -") << "1 - 2 - 3" << std::optional(-4.0);
        QTest::newRow("left associative /") << "8 / 2 / 2" << std::optional(2.0);
        QTest::newRow("parentheses") << "(1 + 2) * 3" << std::optional(9.0);
        QTest::newRow("+ before comparison") << "b + 2 == bool 4" << std::optional(1.0);
        QTest::newRow("comparison before and") << "a > 0 and b" << std::optional(1.0);
        QTest::newRow("and before or") << "b or a and c" << std::optional(2.0);
        QTest::newRow("unless before or") << "a or b unless b" << std::optional(1.0);
        QTest::newRow("or lowest") << "a or b > 5" << std::optional(1.0);
        QTest::newRow("unary minus") << "-a + 3" << std::optional(2.0);
    }

    void precedence()
    {
        QFETCH(QString, expr);
        QFETCH(std::optional<double>, value);
        rl::SeriesStore store(3600);
        store.record("a", 10, 1);
        store.record("b", 10, 2);
        QCOMPARE(eval(store, expr.toStdString().c_str(), 10), value);
    }

    void labelMatchersMatchByName()
    {
        rl::SeriesStore store(3600);
        store.record("x", 10, 4);
        QCOMPARE(*eval(store, "x{tenant=\"a\", workspace!~\"b.*\"}", 10), 4.0);
        QCOMPARE(*eval(store, "sum by (tenant) ({__name__=\"x\"})", 10), 4.0);
    }

    void timeScaleCompressesWindows()
    {
        // 60x: 15m reads 15 s, offset 1h reads 60 s back, the lookback is 5 s.
        rl::SeriesStore store(3600);
        fill(store, "c", 1, 200, 1, [](double t) { return t < 100 ? 0.0 : t - 100; });
        QCOMPARE(*eval(store, "increase(c[15m])", 200, 60), 15.0);
        QCOMPARE(*eval(store, "rate(c[15m])", 200, 60), 1.0); // per real second
        QCOMPARE(*eval(store, "increase(c[15m] offset 1h)", 175, 60), 15.0);
        QCOMPARE(*eval(store, "increase(c[15m] offset 1h)", 110, 60), 0.0);
        QCOMPARE(*eval(store, "c offset 1h", 200, 60), 40.0);
        QVERIFY(!eval(store, "c", 206, 60));
        QCOMPARE(*eval(store, "c", 204.5, 60), 100.0);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, eval(store, "c", 200, 0));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, eval(store, "c", 200, -1));
    }

    // Messages as Prometheus words them, at the same line:column (checked with promtool 2.42).
    void parseErrors_data()
    {
        QTest::addColumn<QString>("expr");
        QTest::addColumn<QString>("message");
        const QString offsetError = "parse error: offset modifier must be preceded by an instant vector selector or "
                                    "range vector selector or a subquery";
        QTest::newRow("offset after rate()") << "sum(rate(x[30m]) offset 1h)"
                                             << "1:5: " + offsetError;
        QTest::newRow("rule 5 as shipped") << "(\n  sum(rate(rl_feedback_processed_total[5m]))\n  /\n  "
                                              "sum(rate(rl_feedback_processed_total[30m]) offset 1h)\n) < 0.5"
                                           << "4:7: " + offsetError;
        QTest::newRow("offset after sum()") << "sum(x) offset 1h"
                                            << "1:1: " + offsetError;
        QTest::newRow("offset after parentheses") << "(x) offset 1h"
                                                  << "1:1: " + offsetError;
        QTest::newRow("offset twice") << "x offset 1h offset 1h"
                                      << "1:1: parse error: offset may not be set multiple times";
        QTest::newRow("offset before range") << "x offset 5m [5m]"
                                             << "1:13: parse error: no offset modifiers allowed before range";
        QTest::newRow("range on a call") << "rate(x[5m])[5m]"
                                         << "1:12: parse error: ranges only allowed for vector selectors";
        QTest::newRow("instant vector to rate")
            << "rate(x)"
            << "1:6: parse error: expected type range vector in call to function \"rate\", got instant vector";
        QTest::newRow("range vector to sum")
            << "sum(x[5m])"
            << "1:5: parse error: expected type instant vector in aggregation expression, got range vector";
        QTest::newRow("scalar to sum")
            << "sum(1)"
            << "1:5: parse error: expected type instant vector in aggregation expression, got scalar";
        QTest::newRow("scalar comparison") << "1 > 2"
                                           << "1:3: parse error: comparisons between scalars must use BOOL modifier";
        QTest::newRow("bool on +") << "x + bool 1"
                                   << "1:3: parse error: bool modifier can only be used on comparison operators";
        QTest::newRow("set operator on scalar")
            << "x and 1"
            << "1:1: parse error: set operator \"and\" not allowed in binary scalar expression";
        QTest::newRow("range in arithmetic")
            << "x[5m] + 1"
            << "1:1: parse error: binary expression must contain only scalar and instant vector types";
        QTest::newRow("arguments") << "rate(x[5m], 1)"
                                   << "1:1: parse error: expected 1 argument(s) in call to \"rate\", got 2";
        QTest::newRow("unknown function") << "foo(x)"
                                          << "1:1: parse error: unknown function with name \"foo\"";
        QTest::newRow("bad duration") << "x[30m1h]"
                                      << "1:3: parse error: not a valid duration string: \"30m1h\"";
        QTest::newRow("zero range") << "x[0s]"
                                    << "1:3: parse error: duration must be greater than 0";
        QTest::newRow("huge range") << "rate(x[999999999999y])"
                                    << "1:8: parse error: duration out of range";
        QTest::newRow("huge offset") << "x offset 1e300"
                                     << "1:10: parse error: unexpected number \"1e300\" in offset, expected duration";
        QTest::newRow("bare seconds range") << "rate(x[300])"
                                            << "1:8: parse error: missing unit character in duration";
        QTest::newRow("unclosed bracket") << "x[5m"
                                          << "1:5: parse error: unclosed left bracket";
        QTest::newRow("unclosed parenthesis") << "(x"
                                              << "1:3: parse error: unclosed left parenthesis";
        QTest::newRow("unclosed braces") << "x{a=\"b\""
                                         << "1:8: parse error: unexpected end of input inside braces";
        QTest::newRow("missing operand") << "x +"
                                         << "1:4: parse error: unexpected end of input";
        QTest::newRow("empty") << ""
                               << "1:1: parse error: no expression found in input";
        QTest::newRow("stray character") << "x $"
                                         << "1:3: parse error: unexpected character: '$'";
        QTest::newRow("stray parenthesis") << ")"
                                           << "1:2: parse error: unexpected right parenthesis ')'";
        QTest::newRow("two selectors") << "x y"
                                       << "1:3: parse error: unexpected identifier \"y\"";
        QTest::newRow("keyword") << "x and or y" // or names a metric here
                                 << "1:10: parse error: unexpected identifier \"y\"";
        QTest::newRow("bad number") << "x > 5m"
                                    << "1:5: parse error: unexpected duration \"5m\"";
        QTest::newRow("unterminated string") << "x{a=\"b}"
                                             << "1:5: parse error: unterminated quoted string";
        QTest::newRow("line and column")
            << "sum(\n  rate(x)\n)"
            << "2:8: parse error: expected type range vector in call to function \"rate\", got "
               "instant vector";
    }

    void parseErrors()
    {
        QFETCH(QString, expr);
        QFETCH(QString, message);
        QCOMPARE(parseError(expr), message);
    }

    // Everything Prometheus 2.42 parses parses (each row checked with promtool 2.42), and prints canonically.
    void accepted_data()
    {
        QTest::addColumn<QString>("expr");
        QTest::addColumn<QString>("canonical");
        QTest::newRow("histogram_quantile") << "histogram_quantile(0.9, sum by (le) (rate(x[5m])))"
                                            << "histogram_quantile(0.9, sum by (le) (rate(x[5m])))";
        QTest::newRow("histogram functions") << "histogram_count(x) / histogram_sum(x) + histogram_fraction(0, 0.2, x)"
                                             << "histogram_count(x) / histogram_sum(x) + histogram_fraction(0, 0.2, x)";
        QTest::newRow("holt_winters") << "holt_winters(x[1h], 0.5, 0.5)"
                                      << "holt_winters(x[1h], 0.5, 0.5)";
        QTest::newRow("label_replace") << "label_replace(x, \"dst\", \"$1\", \"src\", \"(.*)\")"
                                       << "label_replace(x, \"dst\", \"$1\", \"src\", \"(.*)\")";
        QTest::newRow("label_join without sources") << "label_join(x, \"dst\", \",\")"
                                                    << "label_join(x, \"dst\", \",\")";
        QTest::newRow("label_join variadic") << "label_join(x, \"dst\", \",\", \"a\", \"b\", \"c\")"
                                             << "label_join(x, \"dst\", \",\", \"a\", \"b\", \"c\")";
        QTest::newRow("round optional argument") << "round(x) + round(x, 0.5)"
                                                 << "round(x) + round(x, 0.5)";
        QTest::newRow("time functions") << "hour() + day_of_week(x) + days_in_month()"
                                        << "hour() + day_of_week(x) + days_in_month()";
        QTest::newRow("scalar functions") << "time() - pi() * scalar(x)"
                                          << "time() - pi() * scalar(x)";
        QTest::newRow("vector") << "vector(1)"
                                << "vector(1)";
        QTest::newRow("clamp") << "clamp(x, 0, 1)"
                               << "clamp(x, 0, 1)";
        QTest::newRow("over time with parameter") << "quantile_over_time(0.99, x[5m])"
                                                  << "quantile_over_time(0.99, x[5m])";
        QTest::newRow("predict_linear") << "predict_linear(x[1h], 3600)"
                                        << "predict_linear(x[1h], 3600)";
        QTest::newRow("absent") << "absent(x) or absent_over_time(x[5m])"
                                << "absent(x) or absent_over_time(x[5m])";
        QTest::newRow("count") << "count(x)"
                               << "count(x)";
        QTest::newRow("group") << "group by (a) (x)"
                               << "group by (a) (x)";
        QTest::newRow("stddev without") << "stddev without (a) (x)"
                                        << "stddev without (a) (x)";
        QTest::newRow("topk") << "topk(3, x)"
                              << "topk(3, x)";
        QTest::newRow("bottomk grouping first") << "bottomk by (a) (3, x)"
                                                << "bottomk by (a) (3, x)";
        QTest::newRow("quantile grouping after") << "quantile(0.5, x) by (a)"
                                                 << "quantile by (a) (0.5, x)";
        QTest::newRow("count_values") << "count_values(\"value\", x)"
                                      << "count_values(\"value\", x)";
        QTest::newRow("empty grouping") << "sum by () (x)"
                                        << "sum by () (x)";
        QTest::newRow("grouping trailing comma") << "sum by (a,) (x)"
                                                 << "sum by (a) (x)";
        QTest::newRow("keywords as labels") << "sum by (on, bool, start, sum, offset) (x)"
                                            << "sum by (on, bool, start, sum, offset) (x)";
        QTest::newRow("modulo") << "x % 2"
                                << "x % 2";
        QTest::newRow("power right-associative") << "2 ^ 3 ^ 2"
                                                 << "2 ^ 3 ^ 2";
        QTest::newRow("power before unary minus") << "-2 ^ 2"
                                                  << "-2 ^ 2";
        QTest::newRow("atan2") << "x atan2 y"
                               << "x atan2 y";
        QTest::newRow("bool between scalars") << "1 < bool 2"
                                              << "1 < bool 2";
        QTest::newRow("unless on") << "x unless on (a) y"
                                   << "x unless on (a) y";
        QTest::newRow("group_left labels") << "x * on (a) group_left (b) y"
                                           << "x * on (a) group_left (b) y";
        QTest::newRow("group_right") << "x / ignoring (a) group_right y"
                                     << "x / ignoring (a) group_right y";
        QTest::newRow("empty on with a scalar") << "1 + on () x"
                                                << "1 + on () x";
        QTest::newRow("unary plus") << "+x"
                                    << "x";
        QTest::newRow("double minus") << "- -x"
                                      << "--x";
        QTest::newRow("double-quoted string") << "\"a\""
                                              << "\"a\"";
        QTest::newRow("single-quoted string") << "'single'"
                                              << "\"single\"";
        QTest::newRow("raw string") << "`raw\\d`"
                                    << "\"raw\\\\d\"";
        QTest::newRow("string escapes") << "\"\\u00e9\\x41\\101\\n\""
                                        << "\"éAA\\n\"";
        QTest::newRow("hex") << "0x1F"
                             << "31";
        QTest::newRow("octal") << "010"
                               << "8";
        QTest::newRow("exponent") << "1e-3"
                                  << "0.001";
        QTest::newRow("underflow to zero") << "1e-400"
                                           << "0";
        QTest::newRow("negative NaN") << "-NaN"
                                      << "NaN";
        QTest::newRow("only matchers") << "{a=\"b\"}"
                                       << "{a=\"b\"}";
        QTest::newRow("name regex") << "{__name__=~\"rl_.+\"}"
                                    << "{__name__=~\"rl_.+\"}";
        QTest::newRow("two name matchers") << "{__name__=\"x\", __name__=\"y\"}"
                                           << "{__name__=\"x\", __name__=\"y\"}";
        QTest::newRow("empty braces") << "x{}"
                                      << "x";
        QTest::newRow("non-empty matcher") << "{a!=\"\"}"
                                           << "{a!=\"\"}";
        QTest::newRow("regex") << "x{a=~\"a{2,3}|(?i)b[[:alpha:]]\\\\d\"}"
                               << "x{a=~\"a{2,3}|(?i)b[[:alpha:]]\\\\d\"}";
        QTest::newRow("keyword as metric") << "sum"
                                           << "sum";
        QTest::newRow("offset as metric") << "offset offset 5m"
                                          << "offset offset 5m";
        QTest::newRow("and as metric") << "and and and"
                                       << "and and and";
        QTest::newRow("keywords as matcher labels") << "x{on=\"a\", by=\"b\"}"
                                                    << "x{on=\"a\", by=\"b\"}";
        QTest::newRow("range vector result") << "x[5m]"
                                             << "x[5m]";
        QTest::newRow("subquery default step") << "rate(x[5m:])"
                                               << "rate(x[5m:])";
        QTest::newRow("nested subquery") << "max_over_time(rate(x[5m])[1h:1m] offset 1d)"
                                         << "max_over_time(rate(x[5m])[1h:1m] offset 1d)";
        QTest::newRow("subquery @ end()") << "x[5m:1m] @ end()"
                                          << "x[5m:1m] @ end()";
        QTest::newRow("@ timestamp") << "x @ 1609746000"
                                     << "x @ 1609746000.000";
        QTest::newRow("@ start()") << "x @ start()"
                                   << "x @ start()";
        QTest::newRow("@ then offset") << "x @ -5 offset 1m"
                                       << "x @ -5.000 offset 1m";
        QTest::newRow("offset then @ on a range") << "x[5m] offset 1m @ 100"
                                                  << "x[5m] @ 100.000 offset 1m";
        QTest::newRow("largest duration") << "x[292y]"
                                          << "x[292y]";
        QTest::newRow("comment") << "x # comment\n > 1"
                                 << "x > 1";
    }

    void accepted()
    {
        QFETCH(QString, expr);
        QFETCH(QString, canonical);
        QCOMPARE(parseError(expr), "parsed as " + canonical);
        QCOMPARE(parseError(canonical), "parsed as " + canonical);
    }

    // And what it rejects is rejected, with its message (each row as promtool 2.42 reports it).
    void rejected_data()
    {
        QTest::addColumn<QString>("expr");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown function") << "foo(x)"
                                          << "1:1: parse error: unknown function with name \"foo\"";
        QTest::newRow("histogram_avg is later") << "histogram_avg(x)"
                                                << "1:1: parse error: unknown function with name \"histogram_avg\"";
        QTest::newRow("histogram_stddev is later")
            << "histogram_stddev(x)"
            << "1:1: parse error: unknown function with name \"histogram_stddev\"";
        QTest::newRow("limitk is later") << "limitk(1, x)"
                                         << "1:1: parse error: unknown function with name \"limitk\"";
        QTest::newRow("mad_over_time is later") << "mad_over_time(x[5m])"
                                                << "1:1: parse error: unknown function with name \"mad_over_time\"";
        QTest::newRow("function names are case-sensitive") << "RATE(x[5m])"
                                                           << "1:1: parse error: unknown function with name \"RATE\"";
        QTest::newRow("too few arguments")
            << "histogram_quantile(0.9)"
            << "1:1: parse error: expected 2 argument(s) in call to \"histogram_quantile\", got 1";
        QTest::newRow("too few variadic")
            << "label_join(x, \"a\")"
            << "1:1: parse error: expected at least 3 argument(s) in call to \"label_join\", got 2";
        QTest::newRow("too many variadic")
            << "round(x, 1, 2)"
            << "1:1: parse error: expected at most 2 argument(s) in call to \"round\", got 3";
        QTest::newRow("too many optional")
            << "hour(x, y)"
            << "1:1: parse error: expected at most 1 argument(s) in call to \"hour\", got 2";
        QTest::newRow("no arguments wanted") << "time(x)"
                                             << "1:1: parse error: expected 0 argument(s) in call to \"time\", got 1";
        QTest::newRow("scalar wanted")
            << "vector(x)"
            << "1:8: parse error: expected type scalar in call to function \"vector\", got instant vector";
        QTest::newRow("string wanted")
            << "label_replace(x, \"a\", \"b\", \"c\", 1)"
            << "1:33: parse error: expected type string in call to function \"label_replace\", got scalar";
        QTest::newRow("argument order")
            << "quantile_over_time(x[5m], 0.5)"
            << "1:20: parse error: expected type scalar in call to function \"quantile_over_time\", got range vector";
        QTest::newRow("aggregation without arguments")
            << "sum()"
            << "1:1: parse error: no arguments for aggregate expression provided";
        QTest::newRow("aggregation with two")
            << "sum(x, y)"
            << "1:1: parse error: wrong number of arguments for aggregate expression provided, expected 1, got 2";
        QTest::newRow("topk without parameter")
            << "topk(x)"
            << "1:1: parse error: wrong number of arguments for aggregate expression provided, expected 2, got 1";
        QTest::newRow("topk string parameter")
            << "topk(\"a\", x)"
            << "1:6: parse error: expected type scalar in aggregation parameter, got string";
        QTest::newRow("quantile vector parameter")
            << "quantile(x, x)"
            << "1:10: parse error: expected type scalar in aggregation parameter, got instant vector";
        QTest::newRow("count_values scalar parameter")
            << "count_values(1, x)"
            << "1:14: parse error: expected type string in aggregation parameter, got scalar";
        QTest::newRow("count_values range")
            << "count_values(\"a\", x[5m])"
            << "1:19: parse error: expected type instant vector in aggregation expression, got range vector";
        QTest::newRow("grouping twice") << "sum by (a) by (b) (x)"
                                        << "1:12: parse error: unexpected <by> in aggregation";
        QTest::newRow("without is no label")
            << "sum by (without) (x)"
            << "1:9: parse error: unexpected <without> in grouping opts, expected label";
        QTest::newRow("colon in label")
            << "sum by (a:b) (x)"
            << "1:9: parse error: unexpected metric identifier \"a:b\" in grouping opts, expected label";
        QTest::newRow("metric then identifier") << "sum x"
                                                << "1:5: parse error: unexpected identifier \"x\"";
        QTest::newRow("grouping on a set operator") << "x and on(a) group_left y"
                                                    << "1:1: parse error: no grouping allowed for \"and\" operation";
        QTest::newRow("label in on and group")
            << "x + on(a) group_left(a) y"
            << "1:3: parse error: label \"a\" must not occur in ON and GROUP clause at once";
        QTest::newRow("matching with a scalar")
            << "1 + on(a) x"
            << "1:1: parse error: vector matching only allowed between instant vectors";
        QTest::newRow("bool on modulo") << "x % bool 2"
                                        << "1:3: parse error: bool modifier can only be used on comparison operators";
        QTest::newRow("string operand")
            << "\"a\" + 1"
            << "1:1: parse error: binary expression must contain only scalar and instant vector types";
        QTest::newRow("group_left without on") << "x + group_left y"
                                               << "1:5: parse error: unexpected <group_left>";
        QTest::newRow("bool after on") << "x + on(a) bool y"
                                       << "1:11: parse error: unexpected <bool>";
        QTest::newRow("unary minus on a string") << "-\"a\""
                                                 << "1:1: parse error: unary expression only allowed on expressions of "
                                                    "type scalar or instant vector, got \"string\"";
        QTest::newRow("subquery of a string")
            << "\"a\"[5m:]"
            << "1:1: parse error: subquery is only allowed on instant vector, got string instead";
        QTest::newRow("subquery of a range")
            << "x[5m][5m:]"
            << "1:1: parse error: subquery is only allowed on instant vector, got matrix instead";
        QTest::newRow("zero step") << "x[5m:0s]"
                                   << "1:6: parse error: duration must be greater than 0";
        QTest::newRow("two colons") << "x[5m:1m:1m]"
                                    << "1:8: parse error: unexpected colon ':'";
        QTest::newRow("@ before range") << "x @ 1 [5m]"
                                        << "1:7: parse error: no @ modifiers allowed before range";
        QTest::newRow("@ start without parentheses")
            << "x @ start"
            << "1:10: parse error: unexpected end of input in @, expected timestamp";
        QTest::newRow("@ Inf") << "x @ Inf"
                               << "1:1: parse error: timestamp out of bounds for @ modifier: +Inf";
        QTest::newRow("@ out of bounds")
            << "x @ 1e20"
            << "1:1: parse error: timestamp out of bounds for @ modifier: 100000000000000000000.000000";
        QTest::newRow("@ on an aggregation") << "sum(x) @ 1"
                                             << "1:1: parse error: @ modifier must be preceded by an instant vector "
                                                "selector or range vector selector or a subquery";
        QTest::newRow("@ twice") << "x @ 1 @ 2"
                                 << "1:1: parse error: @ <timestamp> may not be set multiple times";
        QTest::newRow("zero offset") << "x offset 0s"
                                     << "1:10: parse error: duration must be greater than 0";
        QTest::newRow("offset with plus") << "x offset +5m"
                                          << "1:10: parse error: unexpected <op:+> in offset, expected duration";
        QTest::newRow("empty selector")
            << "{}"
            << "1:1: parse error: vector selector must contain at least one non-empty matcher";
        QTest::newRow("only empty matchers")
            << "{a=\"\"}"
            << "1:1: parse error: vector selector must contain at least one non-empty matcher";
        QTest::newRow("regex matching empty")
            << "{a=~\".*\"}"
            << "1:1: parse error: vector selector must contain at least one non-empty matcher";
        QTest::newRow("name twice") << "x{__name__=\"y\"}"
                                    << "1:1: parse error: metric name must not be set twice: \"x\" or \"y\"";
        QTest::newRow("regex unclosed") << "x{a=~\"(\"}"
                                        << "1:3: parse error: error parsing regexp: missing closing ): `^(?:()$`";
        QTest::newRow("regex nested repetition")
            << "x{a=~\"a**\"}"
            << "1:3: parse error: error parsing regexp: invalid nested repetition operator: `**`";
        QTest::newRow("regex lookahead")
            << "x{a=~\"(?=a)\"}"
            << "1:3: parse error: error parsing regexp: invalid or unsupported Perl syntax: `(?=`";
        QTest::newRow("regex range") << "x{a=~\"[z-a]\"}"
                                     << "1:3: parse error: error parsing regexp: invalid character class range: `z-a`";
        QTest::newRow("regex backreference")
            << "x{a=~\"\\\\1\"}"
            << "1:3: parse error: error parsing regexp: invalid escape sequence: `\\1`";
        QTest::newRow("regex repeat count") << "x{a=~\"a{1001}\"}"
                                            << "1:3: parse error: error parsing regexp: invalid repeat count: `{1001}`";
        QTest::newRow("regex unbalanced") << "x{a=~\"a)|(b\"}"
                                          << "1:3: parse error: error parsing regexp: unexpected ): `a)|(b`";
        QTest::newRow("regex unknown class")
            << "x{a=~\"\\\\p{Foo}\"}"
            << "1:3: parse error: error parsing regexp: invalid character class range: `\\p{Foo}`";
        QTest::newRow("unknown escape") << "x{a=\"\\q\"}"
                                        << "1:5: parse error: unknown escape sequence U+0071 'q'";
        QTest::newRow("surrogate escape") << "x{a=\"\\uD800\"}"
                                          << "1:5: parse error: escape sequence is an invalid Unicode code point";
        QTest::newRow("escaped other quote") << "x{a='\\\"'}"
                                             << "1:5: parse error: unknown escape sequence U+0022 '\"'";
        QTest::newRow("number out of range")
            << "1e400"
            << "1:1: parse error: error parsing number: strconv.ParseFloat: parsing \"1e400\": value out of range";
        QTest::newRow("hex without digits")
            << "0x"
            << "1:1: parse error: error parsing number: strconv.ParseFloat: parsing \"0x\": invalid syntax";
        QTest::newRow("hex too big") << "0xFFFFFFFFFFFFFFFFFFFF"
                                     << "1:1: parse error: error parsing number: strconv.ParseFloat: parsing "
                                        "\"0xFFFFFFFFFFFFFFFFFFFF\": invalid syntax";
        QTest::newRow("underscore in number") << "1_000"
                                              << "1:1: parse error: bad number or duration syntax: \"1\"";
        QTest::newRow("two decimal points") << "1.2.3"
                                            << "1:4: parse error: unexpected number \".3\"";
        QTest::newRow("fractional duration") << "x[1.5h]"
                                             << "1:3: parse error: not a valid duration string: \"1.5h\"";
        QTest::newRow("range without unit") << "x[5]"
                                            << "1:3: parse error: missing unit character in duration";
        QTest::newRow("range too long") << "x[300y]"
                                        << "1:3: parse error: duration out of range";
        QTest::newRow("upper-case unit") << "x[5M]"
                                         << "1:3: parse error: bad duration syntax: \"5\"";
        QTest::newRow("stray bracket") << "x ]"
                                       << "1:3: parse error: unexpected right bracket ']'";
        QTest::newRow("colon in matcher label") << "x{a:b=\"c\"}"
                                                << "1:4: parse error: unexpected character inside braces: ':'";
        QTest::newRow("letter for colon twice") << "x[5m:1m b]"
                                                << "1:9: parse error: unexpected colon 'b'";
        QTest::newRow("single =") << "x = 1"
                                  << "1:3: parse error: unexpected \"=\"";
        QTest::newRow("trailing comma") << "rate(x[5m],)"
                                        << "1:11: parse error: trailing commas not allowed in function call args";
        QTest::newRow("empty argument") << "f(x,,y)"
                                        << "1:4: parse error: trailing commas not allowed in function call args";
        QTest::newRow("syntax error in an aggregation") << "sum(x +)"
                                                        << "1:8: parse error: unexpected \")\" in aggregation";
        QTest::newRow("syntax error in parentheses") << "(x +)"
                                                     << "1:5: parse error: unexpected \")\"";
        QTest::newRow("! inside braces") << "x{a!}"
                                         << "1:4: parse error: unexpected character after '!' inside braces: '}'";
        QTest::newRow("non-ASCII") << "x é"
                                   << "1:3: parse error: unexpected character: 'é'";
        QTest::newRow("bad hex escape") << "\"\\xZZ\""
                                        << "1:1: parse error: illegal character U+005A 'Z' in escape sequence";
        QTest::newRow("only a comment") << "# only a comment"
                                        << "1:1: parse error: no expression found in input";
    }

    void rejected()
    {
        QFETCH(QString, expr);
        QFETCH(QString, message);
        QCOMPARE(parseError(expr), message);
    }

    // Each function of Prometheus 2.42 (promql/parser/functions.go), with arguments of its types.
    void everyFunction()
    {
        for (const char *call : {"abs(x)",
                                 "absent(x)",
                                 "absent_over_time(x[5m])",
                                 "acos(x)",
                                 "acosh(x)",
                                 "asin(x)",
                                 "asinh(x)",
                                 "atan(x)",
                                 "atanh(x)",
                                 "avg_over_time(x[5m])",
                                 "ceil(x)",
                                 "changes(x[5m])",
                                 "clamp(x, 1, 1)",
                                 "clamp_max(x, 1)",
                                 "clamp_min(x, 1)",
                                 "cos(x)",
                                 "cosh(x)",
                                 "count_over_time(x[5m])",
                                 "day_of_month(x)",
                                 "day_of_week(x)",
                                 "day_of_year(x)",
                                 "days_in_month(x)",
                                 "deg(x)",
                                 "delta(x[5m])",
                                 "deriv(x[5m])",
                                 "exp(x)",
                                 "floor(x)",
                                 "histogram_count(x)",
                                 "histogram_fraction(1, 1, x)",
                                 "histogram_quantile(1, x)",
                                 "histogram_sum(x)",
                                 "holt_winters(x[5m], 1, 1)",
                                 "hour(x)",
                                 "idelta(x[5m])",
                                 "increase(x[5m])",
                                 "irate(x[5m])",
                                 "label_join(x, \"a\", \"a\", \"a\")",
                                 "label_replace(x, \"a\", \"a\", \"a\", \"a\")",
                                 "last_over_time(x[5m])",
                                 "ln(x)",
                                 "log10(x)",
                                 "log2(x)",
                                 "max_over_time(x[5m])",
                                 "min_over_time(x[5m])",
                                 "minute(x)",
                                 "month(x)",
                                 "pi()",
                                 "predict_linear(x[5m], 1)",
                                 "present_over_time(x[5m])",
                                 "quantile_over_time(1, x[5m])",
                                 "rad(x)",
                                 "rate(x[5m])",
                                 "resets(x[5m])",
                                 "round(x, 1)",
                                 "scalar(x)",
                                 "sgn(x)",
                                 "sin(x)",
                                 "sinh(x)",
                                 "sort(x)",
                                 "sort_desc(x)",
                                 "sqrt(x)",
                                 "stddev_over_time(x[5m])",
                                 "stdvar_over_time(x[5m])",
                                 "sum_over_time(x[5m])",
                                 "tan(x)",
                                 "tanh(x)",
                                 "time()",
                                 "timestamp(x)",
                                 "vector(1)",
                                 "year(x)"}) {
            const std::string name = std::string(call).substr(0, std::string(call).find('('));
            const rl::PromQlExpression parsed(call);
            const bool evaluated = name == "rate" || name == "increase" || name == "avg_over_time"
                                   || name == "max_over_time" || name == "min_over_time";
            QCOMPARE(parsed.unsupported(), evaluated ? std::nullopt : std::optional("function " + name));
        }
    }

    void unsupported_data()
    {
        QTest::addColumn<QString>("expr");
        QTest::addColumn<QString>("construct"); // empty: evaluated
        QTest::newRow("function") << "histogram_quantile(0.9, rate(x[5m]))"
                                  << "function histogram_quantile";
        QTest::newRow("function on the right") << "sum(rate(x[5m])) > 0 and absent(y)"
                                               << "function absent";
        QTest::newRow("aggregation") << "topk(3, x)"
                                     << "aggregation topk";
        QTest::newRow("count") << "count(x)"
                               << "aggregation count";
        QTest::newRow("modulo") << "x % 2"
                                << "operator %";
        QTest::newRow("power") << "x ^ 2"
                               << "operator ^";
        QTest::newRow("atan2") << "x atan2 y"
                               << "operator atan2";
        QTest::newRow("subquery") << "rate(x[5m:1m])"
                                  << "subquery";
        QTest::newRow("@ modifier") << "x @ 100"
                                    << "@ modifier";
        QTest::newRow("@ end() on a range") << "rate(x[5m] @ end())"
                                            << "@ modifier";
        QTest::newRow("string literal") << "\"a\""
                                        << "string literal";
        QTest::newRow("no metric name") << "{a=\"b\"}"
                                        << "selector without a metric name";
        QTest::newRow("name by regex") << "{__name__=~\"x\"}"
                                       << "selector without a metric name";
        QTest::newRow("range vector result") << "x[5m]"
                                             << "range vector result";
        QTest::newRow("range in parentheses") << "rate((x[5m]))"
                                              << "range vector in parentheses";
        QTest::newRow("first of several") << "x % topk(1, y ^ 2)"
                                          << "operator %";
        QTest::newRow("outermost first") << "sum(x) / quantile(0.5, y ^ 2)"
                                         << "aggregation quantile";
        QTest::newRow("selector") << "x"
                                  << "";
        QTest::newRow("the subset") << "sum by (a) (rate(x[5m] offset 1h)) > bool 2 or -x unless +y"
                                    << "";
        QTest::newRow("name matcher") << "{__name__=\"x\", a=~\".+\"}"
                                      << "";
        QTest::newRow("vector matching") << "x > on (a) group_left y"
                                         << "";
    }

    void unsupported()
    {
        QFETCH(QString, expr);
        QFETCH(QString, construct);
        const rl::PromQlExpression parsed(expr.toStdString());
        QCOMPARE(QString::fromStdString(parsed.unsupported().value_or("")), construct);
        // evaluate() runs only the subset; the rest evaluates to nothing rather than something wrong.
        rl::SeriesStore store(3600);
        store.record("x", 10, 2);
        store.record("y", 10, 1);
        if (!construct.isEmpty())
            QVERIFY(!parsed.evaluate(store, 10));
    }

    void unsupportedStillReportsMetrics()
    {
        const rl::PromQlExpression expr("histogram_quantile(0.9, sum by (le) (rate(x_bucket[5m:1m] offset 1h))) > y");
        QCOMPARE(expr.metrics(), (std::vector<std::string>{"x_bucket", "y"}));
        QCOMPARE(expr.historySeconds(), 3600.0 + 300.0 + 300.0); // offset, subquery range, lookback inside it
    }

    void errorCarriesPosition()
    {
        try {
            rl::PromQlExpression("sum(\n  rate(x[30m]) offset 1h)");
            QFAIL("parsed");
        } catch (const rl::PromQlError &error) {
            QCOMPARE(error.line(), std::size_t(2));
            QCOMPARE(error.column(), std::size_t(3));
            QVERIFY(error.problem().starts_with("offset modifier must be preceded"));
        }
    }

    void acceptedForms()
    {
        // The corrected rule 5 and the other forms Prometheus accepts around offset.
        for (const char *expr : {"rate(x[30m] offset 1h)", "x offset 1h", "x offset 1h > bool 0",
                                 "sum(rate(x[30m] offset 1h))", "x OFFSET 90s", "rate (x [5m])"})
            QVERIFY2(!parseError(expr).startsWith("1:"), expr);
    }

    void hostileInputNeverCrashes()
    {
        const std::string deep = std::string(100000, '(') + "x" + std::string(100000, ')');
        QVERIFY(parseError(QString::fromStdString(deep)).contains("too deeply nested"));
        const std::string minus = std::string(100000, '-') + "x";
        QVERIFY(parseError(QString::fromStdString(minus)).contains("too deeply nested"));
        std::string chain = "x";
        for (int i = 0; i < 5000; ++i)
            chain += " + x";
        QVERIFY(parseError(QString::fromStdString(chain)).contains("too deeply nested"));
        std::string powers = "2"; // right-associative: each ^ nests
        for (int i = 0; i < 100000; ++i)
            powers += " ^ 2";
        QVERIFY(parseError(QString::fromStdString(powers)).contains("too deeply nested"));
        for (const char *junk : {"\x01", "x{", "x{a", "x{a=", "x[", "x offset", "rate(", "sum by", "sum by (",
                                 "x > bool", "x{a=\"\\", "0x", "1e", "x[5m:"})
            QVERIFY2(parseError(junk).contains("parse error"), junk);
    }
};

QTEST_GUILESS_MAIN(TestPromQlExpression)
#include "tst_promqlexpression.moc"
