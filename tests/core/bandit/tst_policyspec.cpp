#include <QtTest>

#include <stdexcept>
#include <string>
#include <vector>

#include "core/bandit/PolicySpec.h"

namespace {

std::vector<std::string> texts(const std::vector<rl::PolicySpec> &specs)
{
    std::vector<std::string> out;
    for (const rl::PolicySpec &spec : specs)
        out.push_back(spec.text());
    return out;
}

QString parseError(const std::string &text)
{
    try {
        rl::PolicySpec::parse(text);
    } catch (const std::invalid_argument &error) {
        return QString::fromUtf8(error.what());
    }
    return QStringLiteral("<no error>");
}

} // namespace

class TstPolicySpec : public QObject {
    Q_OBJECT

private slots:
    void plainNameHasNoParameters();
    void parametersApplyToTheConfig();
    void sweepTakesEvenlySpacedValues();
    void sweepsCombine();
    void badSpecsNameThePart_data();
    void badSpecsNameThePart();
};

void TstPolicySpec::plainNameHasNoParameters()
{
    const auto specs = rl::PolicySpec::parse("seed");
    QCOMPARE(specs.size(), std::size_t{1});
    QCOMPARE(specs.front().name, std::string("seed"));
    QVERIFY(specs.front().parameters.empty());
    QCOMPARE(specs.front().text(), std::string("seed"));
}

void TstPolicySpec::parametersApplyToTheConfig()
{
    const auto linucb = rl::PolicySpec::parse("linucb:alpha=0.3, ridge=2").front();
    QCOMPARE(linucb.text(), std::string("linucb:alpha=0.3,ridge=2"));
    const rl::PolicyConfig config = linucb.apply(rl::PolicyConfig{});
    QCOMPARE(config.alpha, 0.3);
    QCOMPARE(config.ridge, 2.0);
    QCOMPARE(rl::PolicySpec::parse("thompson:v=0.1").front().apply({}).thompsonScale, 0.1);
    QCOMPARE(rl::PolicySpec::parse("egreedy:epsilon=0.05").front().apply({}).epsilon, 0.05);
    QCOMPARE(rl::PolicySpec::parse("seed:epsilon=0.2").front().apply({}).epsilon, 0.2);
}

void TstPolicySpec::sweepTakesEvenlySpacedValues()
{
    QCOMPARE(texts(rl::PolicySpec::parse("linucb:alpha=0.1..1.0/10")),
             (std::vector<std::string>{"linucb:alpha=0.1", "linucb:alpha=0.2", "linucb:alpha=0.3", "linucb:alpha=0.4",
                                       "linucb:alpha=0.5", "linucb:alpha=0.6", "linucb:alpha=0.7", "linucb:alpha=0.8",
                                       "linucb:alpha=0.9", "linucb:alpha=1"}));
    QCOMPARE(texts(rl::PolicySpec::parse("egreedy:epsilon=0.1..0/3")),
             (std::vector<std::string>{"egreedy:epsilon=0.1", "egreedy:epsilon=0.05", "egreedy:epsilon=0"}));
}

void TstPolicySpec::sweepsCombine()
{
    QCOMPARE(texts(rl::PolicySpec::parse("linucb:alpha=0.2..0.4/2,ridge=1..2/2")),
             (std::vector<std::string>{"linucb:alpha=0.2,ridge=1", "linucb:alpha=0.2,ridge=2",
                                       "linucb:alpha=0.4,ridge=1", "linucb:alpha=0.4,ridge=2"}));
}

void TstPolicySpec::badSpecsNameThePart_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QString>("error");
    QTest::newRow("unknown policy")
        << "ucb"
        << "policy spec 'ucb': unknown policy 'ucb' (known: seed, egreedy, linucb, thompson, adaptive)";
    QTest::newRow("unknown key") << "linucb:beta=1"
                                 << "policy spec 'linucb:beta=1': 'beta' is not a parameter of linucb (its parameters: "
                                    "alpha, ridge)";
    QTest::newRow("key of another policy") << "thompson:alpha=1"
                                           << "policy spec 'thompson:alpha=1': 'alpha' is not a parameter of thompson "
                                              "(its parameters: v, ridge)";
    QTest::newRow("not key=value") << "linucb:alpha"
                                   << "policy spec 'linucb:alpha': 'alpha' is not key=value";
    QTest::newRow("empty") << "linucb:"
                           << "policy spec 'linucb:': no parameters after ':'";
    QTest::newRow("twice") << "linucb:alpha=1,alpha=2"
                           << "policy spec 'linucb:alpha=1,alpha=2': alpha is given twice";
    QTest::newRow("not a number") << "linucb:alpha=big"
                                  << "policy spec 'linucb:alpha=big': alpha=big is not a number";
    QTest::newRow("out of range") << "egreedy:epsilon=1.5"
                                  << "policy spec 'egreedy:epsilon=1.5': epsilon=1.5 is out of range (policy config: "
                                     "epsilon must be in [0, 1], got 1.5)";
    QTest::newRow("sweep out of range")
        << "egreedy:epsilon=0.5..1.5/3"
        << "policy spec 'egreedy:epsilon=0.5..1.5/3': epsilon=1.5 is out of range (policy "
           "config: epsilon must be in [0, 1], got 1.5)";
    QTest::newRow("sweep of one") << "linucb:alpha=0..1/1"
                                  << "policy spec 'linucb:alpha=0..1/1': alpha=0..1/1: N must be a whole number in "
                                     "2..1000";
    QTest::newRow("sweep without count") << "linucb:alpha=0..1"
                                         << "policy spec 'linucb:alpha=0..1': alpha=0..1 is not a sweep FROM..TO/N, "
                                            "e.g. 0.1..1.0/10";
    QTest::newRow("trailing comma") << "linucb:alpha=1,"
                                    << "policy spec 'linucb:alpha=1,': nothing after the last ','";
    QTest::newRow("collapsed sweep") << "linucb:alpha=1..1/3"
                                     << "policy spec 'linucb:alpha=1..1/3': alpha=1..1/3: the values are not all "
                                        "different (to 12 digits)";
    QTest::newRow("huge sweep") << "linucb:alpha=-1e308..1e308/3"
                                << "policy spec 'linucb:alpha=-1e308..1e308/3': alpha=-1e+308 is out of range "
                                   "(policy config: alpha must be finite and >= 0, got -1e+308)";
    QTest::newRow("too many") << "linucb:alpha=0..1/100,ridge=1..2/100"
                              << "policy spec 'linucb:alpha=0..1/100,ridge=1..2/100': the sweeps make more than 1000 "
                                 "specs";
}

void TstPolicySpec::badSpecsNameThePart()
{
    QFETCH(QString, spec);
    QFETCH(QString, error);
    QCOMPARE(parseError(spec.toStdString()), error);
}

QTEST_GUILESS_MAIN(TstPolicySpec)
#include "tst_policyspec.moc"
