#include "widgets/WidgetImage.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QPainter>
#include <QPixmap>
#include <QSaveFile>
#include <QSvgGenerator>
#include <QWidget>

namespace rl {

bool WidgetImage::save(QWidget *widget, const QString &path, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = file.errorString();
        return false;
    }
    if (QFileInfo(path).suffix().compare(QLatin1String("svg"), Qt::CaseInsensitive) == 0) {
        QSvgGenerator svg;
        svg.setOutputDevice(&file);
        svg.setSize(widget->size());
        svg.setViewBox(widget->rect());
        svg.setTitle(widget->window()->windowTitle());
        QPainter painter(&svg);
        widget->render(&painter);
    } else if (!widget->grab().save(&file, "PNG")) {
        if (error)
            *error = QCoreApplication::translate("rl::WidgetImage", "the image could not be encoded");
        return false;
    }
    if (file.commit())
        return true;
    if (error)
        *error = file.errorString();
    return false;
}

} // namespace rl
