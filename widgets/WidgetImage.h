#pragma once

#include <QString>

QT_BEGIN_NAMESPACE
class QWidget;
QT_END_NAMESPACE

namespace rl {

// Saves what a widget shows as an image: PNG (pixels, as on screen) or SVG (vectors: charts stay sharp
// at any size), chosen by the file's suffix.
class WidgetImage {
public:
    static bool save(QWidget *widget, const QString &path, QString *error);
};

} // namespace rl
