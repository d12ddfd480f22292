#pragma once

#include <atomic>
#include <functional>

#include <QCoreApplication>
#include <QString>

QT_BEGIN_NAMESPACE
class QWidget;
QT_END_NAMESPACE

namespace rl {

// The save dialog every export goes through: it starts in the folder the last export went to, with a
// name that says what and when, writes the file off the UI thread (the window never waits on a disk), with
// a progress dialog and Cancel for a write still running after 100 ms, and reports the result where the
// operator looks (the status bar on success, a message box on failure).
class ExportDialog {
    Q_DECLARE_TR_FUNCTIONS(ExportDialog)

public:
    // Writes what was captured on the UI thread to its file, from any thread; false with the reason on
    // failure, or when cancelled (then nothing is left on disk).
    using Write = std::function<bool(QString *error, const std::atomic<bool> &cancelled)>;

    // Where to save `what` as a "png", "svg" or "csv" file: the chosen path, or empty if cancelled. It offers
    // "rlstudio-queue-depth-20261130-214501.png" for ("Queue depth", "png"). The dialog is named
    // "ExportDialog" (tests find it).
    static QString askSavePath(QWidget *parent, const QString &title, const QString &what, const QString &suffix);
    static void report(QWidget *parent, bool saved, const QString &path, const QString &error);
    // Runs write on a pool thread and reports its result; the progress dialog is named "ExportProgress".
    static void saveInBackground(QWidget *parent, const QString &path, Write write);
};

} // namespace rl
