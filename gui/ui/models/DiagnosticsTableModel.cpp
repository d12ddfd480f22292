#include "gui/ui/models/DiagnosticsTableModel.h"

#include <QLocale>

#include "widgets/CsvWriter.h"

namespace rl {

DiagnosticsTableModel::DiagnosticsTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void DiagnosticsTableModel::setOutcome(const EvaluationOutcome &outcome)
{
    beginResetModel();
    m_rows.clear();
    for (const TargetEvaluation &target : outcome.targets)
        m_rows.append({target.target.label(), target.result.diagnostics});
    endResetModel();
}

int DiagnosticsTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int DiagnosticsTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DiagnosticsTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Row &row = m_rows[index.row()];
    const OffPolicyDiagnostics &d = row.diagnostics;
    const double effectiveShare = d.rows ? d.effectiveSampleSize / static_cast<double>(d.rows) : 0.0;
    if (role == ToneRole) {
        const bool doubtful =
            (index.column() == EffectiveColumn && effectiveShare < OffPolicyEvaluator::kEffectiveShareWarning)
            || (index.column() == DeficiencyColumn && d.supportDeficiency > OffPolicyEvaluator::kSupportWarning)
            || (index.column() == WarningsColumn && !d.warnings.empty());
        return doubtful ? 1 : -1;
    }
    if (role == Qt::TextAlignmentRole)
        return index.column() == TargetColumn || index.column() == WarningsColumn
                   ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                   : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    QString warnings;
    for (const std::string &warning : d.warnings)
        warnings += (warnings.isEmpty() ? QString() : QStringLiteral(" ")) + QString::fromStdString(warning);
    if (role == Qt::ToolTipRole && index.column() == WarningsColumn && !warnings.isEmpty())
        return warnings;
    const bool exporting = role == CsvWriter::kExportRole;
    if (role != Qt::DisplayRole && !exporting)
        return {};
    const QLocale locale;
    switch (index.column()) {
    case TargetColumn:
        return row.target;
    case RowsColumn:
        return exporting ? QVariant(static_cast<qulonglong>(d.rows))
                         : QVariant(locale.toString(static_cast<qulonglong>(d.rows)));
    case EffectiveColumn:
        return exporting ? QVariant(d.effectiveSampleSize)
                         : QVariant(tr("%1 (%2 %)")
                                        .arg(locale.toString(d.effectiveSampleSize, 'f', 0),
                                             locale.toString(100.0 * effectiveShare, 'f', 1)));
    case MaxWeightColumn:
        return exporting ? QVariant(d.maxWeight) : QVariant(locale.toString(d.maxWeight, 'f', 2));
    case MeanWeightColumn:
        return exporting ? QVariant(d.meanWeight) : QVariant(locale.toString(d.meanWeight, 'f', 3));
    case DeficiencyColumn:
        return exporting ? QVariant(d.supportDeficiency)
                         : QVariant(tr("%1 %").arg(locale.toString(100.0 * d.supportDeficiency, 'f', 1)));
    case WarningsColumn:
        return warnings.isEmpty() && !exporting ? tr("none") : warnings;
    default:
        return {};
    }
}

QVariant DiagnosticsTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case EffectiveColumn:
            return tr("Effective sample size (Σw)² / Σw²: how many logged rows the estimate is really worth");
        case MaxWeightColumn:
        case MeanWeightColumn:
            return tr("Importance weights w = π(a|x) / propensity; their mean is near 1 when the log supports the "
                      "target");
        case DeficiencyColumn:
            return tr("The share of the target's choices the logger never makes: no importance weight sees those "
                      "rewards");
        default:
            return {};
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TargetColumn:
        return tr("Target");
    case RowsColumn:
        return tr("Rows");
    case EffectiveColumn:
        return tr("Effective sample size");
    case MaxWeightColumn:
        return tr("Max weight");
    case MeanWeightColumn:
        return tr("Mean weight");
    case DeficiencyColumn:
        return tr("Support deficiency");
    case WarningsColumn:
        return tr("Warnings");
    default:
        return {};
    }
}

} // namespace rl
