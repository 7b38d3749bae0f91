// A child evaluated one task per Slurm job (`slurm.per: task`, docs/cluster.md). In the
// child's directory under the run's jobs directory (ChildJobs::dir):
//
//   DIR/source/       the child's source, copied by the controller ({src} of every task run)
//   DIR/built/        its build directory, published by the build job ({build} of the runs)
//   DIR/build/        the build job's directory (slurm_job.h, kind build)
//   DIR/task-N/       the job directory of the suite's N-th task (kind task)
//   DIR/result.json   the child's whole evaluation, once it is complete
//
// One job builds the child on its node and publishes the build directory; a failed build
// is the child's status, as locally. Then the stages run as locally (sandbox::RunStages):
// all of a stage's tasks are submitted at once, one job each; the controller reads their
// outcomes, combines them in suite order, checks the stage's threshold and goes on to the
// next stage or stops. The evaluation is the one a local run or `per: child` gives.
//
// Faults. A build job that ends without a result makes the child job_failed,
// job_cancelled, ... as with `per: child`. A task job that ends without a result makes
// the child that job_* status too, with score 0 (like any child that was not evaluated,
// it is never a parent); the task is in the record's tasks with that status, the build
// log says which task's job it was and how it ended, and the stage's other task jobs,
// no longer needed, are cancelled. A job that reports an error (the sandbox cannot run on
// its node) is an error, as with `per: child`; the stage's other jobs are cancelled too.
//
// Resuming. A child asked for again finds DIR/result.json if it was complete; otherwise
// each of its jobs is found again (slurm_queue.h): a finished task is read, never run
// again; a running one is adopted.
#pragma once

#include "engine/executor/executor.h"
#include "engine/executor/slurm_job.h"
#include "engine/executor/slurm_queue.h"

namespace clade::executor {

// Evaluates `job` as `child`'s build job and task jobs. Errors: a job directory cannot be
// written, sbatch refuses a job, a job reported an error.
Result<sandbox::Evaluation> EvaluateByTask(SlurmQueue& queue, const EvalJob& job,
                                           const ChildJobs& child);

}  // namespace clade::executor
