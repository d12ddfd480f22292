#pragma once

#include <QProgressDialog>

namespace rl {

class BackgroundJob;

// The progress dialog of a job the window started: it follows the job's progress and stage, its Cancel asks
// the job to stop, and it goes away when the job ends. Shown only if the job runs past 300 ms.
class JobProgressDialog : public QProgressDialog {
    Q_OBJECT

public:
    JobProgressDialog(BackgroundJob &job, const QString &title, const QString &firstStage, QWidget *parent);
};

} // namespace rl
