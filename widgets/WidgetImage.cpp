#include "widgets/WidgetImage.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QFileInfo>
#include <QImage>
#include <QPainter>
#include <QPixmap>
#include <QSaveFile>
#include <QSvgGenerator>
#include <QWidget>

namespace rl {

ExportDialog::Write WidgetImage::capture(QWidget *widget, const QString &path)
{
    if (QFileInfo(path).suffix().compare(QLatin1String("svg"), Qt::CaseInsensitive) == 0) {
        QByteArray drawing; // the drawing is made here: widgets paint on the UI thread only
        QBuffer buffer(&drawing);
        QSvgGenerator svg;
        svg.setOutputDevice(&buffer);
        svg.setSize(widget->size());
        svg.setViewBox(widget->rect());
        svg.setTitle(widget->window()->windowTitle());
        {
            QPainter painter(&svg);
            widget->render(&painter);
        }
        return [path, drawing](QString *error, const std::atomic<bool> &) {
            QSaveFile file(path);
            if (file.open(QIODevice::WriteOnly) && file.write(drawing) == drawing.size() && file.commit())
                return true;
            if (error)
                *error = file.errorString();
            return false;
        };
    }
    return [path, image = widget->grab().toImage()](QString *error, const std::atomic<bool> &) {
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly)) {
            if (error)
                *error = file.errorString();
            return false;
        }
        if (!image.save(&file, "PNG")) {
            if (error)
                *error = QCoreApplication::translate("rl::WidgetImage", "the image could not be encoded");
            return false;
        }
        if (file.commit())
            return true;
        if (error)
            *error = file.errorString();
        return false;
    };
}

} // namespace rl
