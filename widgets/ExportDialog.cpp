#include "widgets/ExportDialog.h"

#include <QDateTime>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMainWindow>
#include <QMessageBox>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QStatusBar>

namespace rl {

namespace {

constexpr int kStatusMessageMs = 8000;

QString &lastFolder()
{
    static QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    return folder;
}

} // namespace

QString ExportDialog::askSavePath(QWidget *parent, const QString &title, const QString &fileName, const QString &filter)
{
    QFileDialog dialog(parent, title, QDir(lastFolder()).filePath(fileName), filter);
    dialog.setObjectName(QStringLiteral("ExportDialog"));
    dialog.setAcceptMode(QFileDialog::AcceptSave);
    dialog.setDefaultSuffix(QFileInfo(fileName).suffix());
    if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty())
        return {};
    const QString path = dialog.selectedFiles().constFirst();
    lastFolder() = QFileInfo(path).absolutePath();
    return path;
}

QString ExportDialog::suggestedName(const QString &what, const QString &suffix)
{
    QString slug = what.toLower();
    slug.replace(QRegularExpression(QStringLiteral("[^\\w]+")), QStringLiteral("-"));
    slug.remove(QRegularExpression(QStringLiteral("^-+|-+$")));
    return QStringLiteral("rlstudio-%1-%2.%3")
        .arg(slug, QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss")), suffix);
}

void ExportDialog::report(QWidget *parent, bool saved, const QString &path, const QString &error)
{
    if (!saved) {
        QMessageBox::warning(parent, tr("Export failed"),
                             tr("Could not save %1: %2").arg(QDir::toNativeSeparators(path), error));
        return;
    }
    if (auto *window = qobject_cast<QMainWindow *>(parent ? parent->window() : nullptr))
        window->statusBar()->showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(path)), kStatusMessageMs);
}

} // namespace rl
