#include "widgets/ExportDialog.h"

#include <QDateTime>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QMainWindow>
#include <QMessageBox>
#include <QProgressDialog>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

namespace rl {

namespace {

constexpr int kStatusMessageMs = 8000;
constexpr int kProgressAfterMs = 100; // as the drain's: a write that is over by then shows no dialog

// Where the operator looks for what just happened: the window's status bar, if it has one.
void showStatus(QWidget *parent, const QString &text)
{
    if (auto *window = qobject_cast<QMainWindow *>(parent ? parent->window() : nullptr))
        window->statusBar()->showMessage(text, kStatusMessageMs);
}

QString &lastFolder()
{
    static QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    return folder;
}

} // namespace

QString ExportDialog::askSavePath(QWidget *parent, const QString &title, const QString &what, const QString &suffix)
{
    QString slug = what.toLower();
    slug.replace(QRegularExpression(QStringLiteral("[^\\w]+"), QRegularExpression::UseUnicodePropertiesOption),
                 QStringLiteral("-"));
    slug.remove(QRegularExpression(QStringLiteral("^-+|-+$")));
    const QString fileName =
        QStringLiteral("rlstudio-%1-%2.%3")
            .arg(slug, QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss")), suffix);
    const QString filter = suffix == QLatin1String("png")   ? tr("PNG image (*.png)")
                           : suffix == QLatin1String("svg") ? tr("SVG image (*.svg)")
                                                            : tr("Comma-separated values (*.csv)");
    QFileDialog dialog(parent, title, QDir(lastFolder()).filePath(fileName), filter);
    dialog.setObjectName(QStringLiteral("ExportDialog"));
    dialog.setAcceptMode(QFileDialog::AcceptSave);
    dialog.setDefaultSuffix(suffix);
    if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty())
        return {};
    const QString path = dialog.selectedFiles().constFirst();
    lastFolder() = QFileInfo(path).absolutePath();
    return path;
}

void ExportDialog::report(QWidget *parent, bool saved, const QString &path, const QString &error)
{
    if (!saved) {
        QMessageBox::warning(parent, tr("Export failed"),
                             tr("Could not save %1: %2").arg(QDir::toNativeSeparators(path), error));
        return;
    }
    showStatus(parent, tr("Saved %1").arg(QDir::toNativeSeparators(path)));
}

void ExportDialog::saveInBackground(QWidget *parent, const QString &path, Write write)
{
    auto cancelled = std::make_shared<std::atomic<bool>>(false);
    auto error = std::make_shared<QString>();
    auto *progress =
        new QProgressDialog(tr("Saving %1…").arg(QDir::toNativeSeparators(path)), tr("Cancel"), 0, 0, parent);
    progress->setObjectName(QStringLiteral("ExportProgress"));
    progress->setWindowModality(Qt::WindowModal);
    // Shown by hand: a busy dialog (no steps) would otherwise wait for its own 4 s default.
    auto done = std::make_shared<bool>(false);
    QTimer::singleShot(kProgressAfterMs, progress, [progress, done] {
        if (!*done)
            progress->show();
    });
    QObject::connect(progress, &QProgressDialog::canceled, progress, [cancelled] { *cancelled = true; });
    auto *watcher = new QFutureWatcher<bool>(progress);
    QObject::connect(watcher, &QFutureWatcher<bool>::finished, progress, [=] {
        *done = true;
        const bool saved = watcher->result();
        progress->reset();
        progress->deleteLater();
        if (*cancelled) {
            showStatus(parent, tr("Export cancelled: %1 was not written").arg(QDir::toNativeSeparators(path)));
            return;
        }
        report(parent, saved, path, *error);
    });
    watcher->setFuture(
        QtConcurrent::run([write = std::move(write), error, cancelled] { return write(error.get(), *cancelled); }));
}

} // namespace rl
