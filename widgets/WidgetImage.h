#pragma once

#include <QString>

#include "widgets/ExportDialog.h"

QT_BEGIN_NAMESPACE
class QWidget;
QT_END_NAMESPACE

namespace rl {

// Saves what a widget shows as an image: PNG (pixels, as on screen) or SVG (vectors: charts stay sharp
// at any size), chosen by the file's suffix.
class WidgetImage {
public:
    // Captures what the widget shows now (pixels, or the SVG drawing) on the UI thread; the writer returned
    // encodes and writes it from any thread.
    static ExportDialog::Write capture(QWidget *widget, const QString &path);
};

} // namespace rl
