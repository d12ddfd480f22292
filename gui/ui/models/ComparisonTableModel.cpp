#include "gui/ui/models/ComparisonTableModel.h"

#include <QLocale>

namespace rl {

ComparisonTableModel::ComparisonTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void ComparisonTableModel::setOutcome(const ComparisonOutcome &outcome)
{
    const bool sameRows = outcome.summaries.size() == m_outcome.summaries.size()
                          && std::equal(outcome.summaries.begin(), outcome.summaries.end(), m_outcome.summaries.begin(),
                                        [](const SpecSummary &a, const SpecSummary &b) { return a.spec == b.spec; });
    if (sameRows) {
        m_outcome = outcome;
        if (!m_outcome.summaries.empty())
            Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
        Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1); // the rounds in the tooltips
        return;
    }
    beginResetModel();
    m_outcome = outcome;
    endResetModel();
}

int ComparisonTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_outcome.summaries.size());
}

int ComparisonTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ComparisonTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const SpecSummary &summary = m_outcome.summaries[static_cast<std::size_t>(index.row())];
    const MeanInterval &regret = summary.regret.back();
    QVariant value;
    switch (index.column()) {
    case RankColumn:
        value = static_cast<qulonglong>(summary.rank);
        break;
    case SpecColumn:
        value = QString::fromStdString(summary.spec);
        break;
    case RunsColumn:
        value = static_cast<qulonglong>(summary.runs);
        break;
    case RegretColumn:
        value = regret.mean;
        break;
    case IntervalColumn:
        value = regret.low && regret.high ? QVariant(*regret.high - *regret.low) : QVariant(); // sorts by width
        break;
    case OptimalColumn:
        value = summary.optimalShareLast.mean;
        break;
    case TimeColumn:
        value = summary.microsecondsPerRound;
        break;
    default:
        return {};
    }
    if (role == SortRole)
        return value;
    if (role == Qt::TextAlignmentRole)
        return index.column() == SpecColumn ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                                            : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole && index.column() == RunsColumn && summary.runs < m_outcome.seeds)
        return tr("%1 of %2 seeds have finished: the figures cover those").arg(summary.runs).arg(m_outcome.seeds);
    if (role != Qt::DisplayRole)
        return {};
    const QLocale locale;
    switch (index.column()) {
    case RankColumn:
    case SpecColumn:
    case RunsColumn:
        return value;
    case RegretColumn:
        return locale.toString(value.toDouble(), 'f', 1);
    case IntervalColumn:
        return value.isValid()
                   ? tr("[%1, %2]").arg(locale.toString(*regret.low, 'f', 1), locale.toString(*regret.high, 'f', 1))
                   : tr("–");
    case OptimalColumn:
        return tr("%1 %").arg(locale.toString(100.0 * value.toDouble(), 'f', 1));
    case TimeColumn:
        return locale.toString(value.toDouble(), 'f', 2);
    default:
        return {};
    }
}

QVariant ComparisonTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    const QLocale locale;
    const QString end = locale.toString(static_cast<qulonglong>(m_outcome.rounds));
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case RankColumn:
            return tr("1 for the lowest mean regret at the end");
        case RegretColumn:
            return tr("Mean cumulative expected regret after %1 rounds, over the seeds").arg(end);
        case IntervalColumn:
            return tr("The 95 % Student-t interval of the mean over the seeds (none for a single seed)");
        case OptimalColumn:
            return tr("Share of rounds that picked a best arm, over the last %1")
                .arg(locale.toString(
                    static_cast<qulonglong>(std::min<std::size_t>(Comparison::kLastRounds, m_outcome.rounds))));
        case TimeColumn:
            return tr("Microseconds a round took: the policy's choice and update, and the regret bookkeeping");
        default:
            return {};
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case RankColumn:
        return tr("Rank");
    case SpecColumn:
        return tr("Policy");
    case RunsColumn:
        return tr("Runs");
    case RegretColumn:
        return tr("Regret");
    case IntervalColumn:
        return tr("95 % interval");
    case OptimalColumn:
        return tr("Optimal picks");
    case TimeColumn:
        return tr("µs/round");
    default:
        return {};
    }
}

} // namespace rl
