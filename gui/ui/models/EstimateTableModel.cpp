#include "gui/ui/models/EstimateTableModel.h"

#include <cmath>

#include <QLocale>

#include "widgets/CsvWriter.h"

namespace rl {

EstimateTableModel::EstimateTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

QString EstimateTableModel::estimatorTitle(Estimator estimator)
{
    switch (estimator) {
    case Estimator::Ips:
        return tr("IPS");
    case Estimator::Snips:
        return tr("SNIPS");
    case Estimator::Dm:
        return tr("DM");
    case Estimator::Dr:
        return tr("DR");
    case Estimator::Sndr:
        return tr("SNDR");
    case Estimator::SwitchDr:
        return tr("Switch-DR");
    }
    return {};
}

void EstimateTableModel::setOutcome(const EvaluationOutcome &outcome)
{
    beginResetModel();
    m_rows.clear();
    for (const TargetEvaluation &target : outcome.targets)
        for (const EstimateInterval &estimate : target.result.estimates)
            m_rows.append({target.target.label(), estimate});
    endResetModel();
}

int EstimateTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int EstimateTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant EstimateTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Row &row = m_rows[index.row()];
    const bool defined = std::isfinite(row.estimate.value);
    if (role == Qt::TextAlignmentRole)
        return index.column() >= EstimateColumn ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                                                : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole && index.column() >= EstimateColumn && !defined)
        return tr("Undefined: the target never picks an action the log holds, so no weight is above 0");
    if (role != Qt::DisplayRole && role != CsvWriter::kExportRole)
        return {};
    const auto number = [&](double value) -> QVariant {
        if (!defined)
            return role == CsvWriter::kExportRole ? QVariant(QString()) : QVariant(tr("–"));
        return role == CsvWriter::kExportRole ? QVariant(value) : QVariant(QLocale().toString(value, 'f', 4));
    };
    switch (index.column()) {
    case TargetColumn:
        return row.target;
    case EstimatorColumn:
        return estimatorTitle(row.estimate.estimator);
    case EstimateColumn:
        return number(row.estimate.value);
    case IntervalColumn:
        if (!defined || !(row.estimate.lower < row.estimate.upper))
            return tr("–"); // undefined, or no bootstrap asked for
        return tr("[%1, %2]")
            .arg(QLocale().toString(row.estimate.lower, 'f', 4), QLocale().toString(row.estimate.upper, 'f', 4));
    default:
        return {};
    }
}

QVariant EstimateTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TargetColumn:
        return tr("Target");
    case EstimatorColumn:
        return tr("Estimator");
    case EstimateColumn:
        return tr("Estimate");
    case IntervalColumn:
        return tr("95 % interval");
    default:
        return {};
    }
}

} // namespace rl
