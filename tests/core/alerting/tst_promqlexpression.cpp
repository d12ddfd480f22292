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
        QTest::newRow("bare seconds range") << "rate(x[300])"
                                            << "rate(x[5m])";
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

    // Messages as Prometheus words them, at the same line:column (checked with promtool 2.42), except where
    // the row says ours.
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
        QTest::newRow("unknown function")
            << "foo(x)"
            << "1:1: parse error: unknown function with name \"foo\" (supported: rate, increase, "
               "avg_over_time, max_over_time, min_over_time)";
        QTest::newRow("bad duration") << "x[30m1h]"
                                      << "1:3: parse error: not a valid duration string: \"30m1h\"";
        QTest::newRow("zero range") << "x[0s]"
                                    << "1:3: parse error: duration must be greater than 0";
        QTest::newRow("huge range") << "rate(x[999999999999y])"
                                    << "1:8: parse error: duration out of range";
        QTest::newRow("huge offset") << "x offset 1e300"
                                     << "1:10: parse error: duration out of range";
        QTest::newRow("unclosed bracket") << "x[5m"
                                          << "1:5: parse error: unclosed left bracket";
        QTest::newRow("unclosed parenthesis") << "(x"
                                              << "1:3: parse error: unclosed left parenthesis";
        QTest::newRow("unclosed braces") << "x{a=\"b\""
                                         << "1:8: parse error: unexpected end of input inside braces";
        QTest::newRow("missing operand") << "x +"
                                         << "1:4: parse error: unexpected end of input";
        QTest::newRow("empty") << ""
                               << "1:1: parse error: unexpected end of input";
        QTest::newRow("stray character") << "x $"
                                         << "1:3: parse error: unexpected character: '$'";
        QTest::newRow("stray parenthesis") << ")"
                                           << "1:1: parse error: unexpected right parenthesis ')'";
        QTest::newRow("two selectors") << "x y"
                                       << "1:3: parse error: unexpected identifier \"y\"";
        QTest::newRow("keyword") << "x and or y"
                                 << "1:7: parse error: unexpected <or>";
        QTest::newRow("bad number") << "x > 5m"
                                    << "1:5: parse error: bad number or duration syntax: \"5m\"";
        QTest::newRow("unterminated string") << "x{a=\"b}"
                                             << "1:5: parse error: unterminated quoted string";
        // Ours: what we do not evaluate says so.
        QTest::newRow("subquery") << "rate(x[5m:1m])"
                                  << "1:7: parse error: subqueries are not supported";
        QTest::newRow("@ modifier") << "x @ 100"
                                    << "1:3: parse error: the @ modifier is not supported";
        QTest::newRow("count") << "count(x)"
                               << "1:1: parse error: aggregation \"count\" is not supported";
        QTest::newRow("modulo") << "x % 2"
                                << "1:3: parse error: operator \"%\" is not supported";
        QTest::newRow("range result") << "x[5m]"
                                      << "1:1: parse error: expected type scalar or instant vector as the expression's "
                                         "result, got range vector";
        QTest::newRow("no metric name")
            << "{a=\"b\"}"
            << "1:1: parse error: a selector needs a metric name: series are stored by name only";
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
        for (const char *junk : {"\x01", "x{", "x{a", "x{a=", "x[", "x offset", "rate(", "sum by", "sum by (",
                                 "x > bool", "\"str\"", "x{a=\"\\", "0x", "1e", "x[5m:]"})
            QVERIFY2(parseError(junk).contains("parse error"), junk);
    }
};

QTEST_GUILESS_MAIN(TestPromQlExpression)
#include "tst_promqlexpression.moc"
