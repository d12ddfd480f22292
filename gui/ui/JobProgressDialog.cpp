#include "gui/ui/JobProgressDialog.h"

#include "gui/host/BackgroundJob.h"

namespace rl {

namespace {

constexpr int kSteps = 1000;
constexpr int kShowAfterMs = 300;

} // namespace

JobProgressDialog::JobProgressDialog(BackgroundJob &job, const QString &title, const QString &firstStage,
                                     QWidget *parent)
    : QProgressDialog(firstStage, tr("Cancel"), 0, kSteps, parent)
{
    setWindowTitle(title);
    setMinimumDuration(kShowAfterMs);
    setAutoClose(false);
    setAutoReset(false);
    connect(this, &QProgressDialog::canceled, &job, &BackgroundJob::cancel);
    connect(&job, &BackgroundJob::progressed, this, [this](double fraction, const QString &stage) {
        setLabelText(stage);
        setValue(static_cast<int>(fraction * kSteps));
    });
    connect(&job, &BackgroundJob::ended, this, &QObject::deleteLater);
}

} // namespace rl
