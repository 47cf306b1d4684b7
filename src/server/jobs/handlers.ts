import 'server-only';
import { runBackgroundExport } from '../exports/background-export';
import { runExpertImport } from '../imports/expert-import';
import { runAssignmentJob } from '../review/assignment-jobs';
import type { JobHandler, JobKind } from './job-runs';

/** What each kind of JobRun does (the worker looks it up by the row's kind). */
export const JOB_HANDLERS: Record<JobKind, JobHandler> = {
  EXPERT_IMPORT: runExpertImport,
  EXPORT: runBackgroundExport,
  ASSIGNMENT: runAssignmentJob,
};
