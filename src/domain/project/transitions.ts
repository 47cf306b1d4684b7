// The funded project's life (DATA-MODEL §3.7). One table says which transition leaves which states and who may make
// it; the server modules (src/server/projects/) load the row, ask `canTransitionProject`, write with the version
// check and record the audit event `project.<transition>` in the same transaction. The facts a transition also needs
// (three confirmations of the task book, a decided race round, a final report) are checked by the module's own pure
// guards (task-book.ts, horse-race.ts, acceptance in checks.ts) before this table is consulted.

export const PROJECT_STATUSES = [
  'TASK_BOOK_DRAFT',
  'TASK_BOOK_CONFIRMED',
  'ACTIVE',
  'MIDTERM_REVIEW',
  'SUSPENDED',
  'ACCEPTANCE',
  'CLOSED',
  'CUT',
  'TERMINATED',
] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

/** STAFF = commission; PI = the project's current PI; SYSTEM = a consequence of another recorded act. */
type Who = 'STAFF' | 'PI' | 'SYSTEM';

export const PROJECT_TRANSITIONS = {
  /** The last of the three confirmations (PI, institution, commission) of the task book. */
  confirm_task_book: { from: ['TASK_BOOK_DRAFT'], to: 'TASK_BOOK_CONFIRMED', by: ['PI', 'STAFF', 'SYSTEM'] },
  activate: { from: ['TASK_BOOK_CONFIRMED'], to: 'ACTIVE', by: ['STAFF'] },
  start_midterm: { from: ['ACTIVE'], to: 'MIDTERM_REVIEW', by: ['STAFF'] },
  /** Mid-term outcome CONTINUE or ADJUST. */
  continue: { from: ['MIDTERM_REVIEW'], to: 'ACTIVE', by: ['STAFF'] },
  /** 赛马制: a team ranked below the keep count when the race round is decided. */
  cut: { from: ['MIDTERM_REVIEW', 'ACTIVE'], to: 'CUT', by: ['STAFF'] },
  suspend: { from: ['ACTIVE', 'MIDTERM_REVIEW'], to: 'SUSPENDED', by: ['STAFF'] },
  resume: { from: ['SUSPENDED'], to: 'ACTIVE', by: ['STAFF'] },
  submit_final: { from: ['ACTIVE'], to: 'ACCEPTANCE', by: ['PI'] },
  defer_acceptance: { from: ['ACCEPTANCE'], to: 'ACTIVE', by: ['STAFF'] },
  close: { from: ['ACCEPTANCE'], to: 'CLOSED', by: ['STAFF'] },
  terminate: { from: ['ACTIVE', 'MIDTERM_REVIEW', 'SUSPENDED'], to: 'TERMINATED', by: ['STAFF'] },
} as const satisfies Record<string, { from: readonly ProjectStatus[]; to: ProjectStatus; by: readonly Who[] }>;
export type ProjectTransition = keyof typeof PROJECT_TRANSITIONS;

export function canTransitionProject(status: ProjectStatus, transition: ProjectTransition, by: Who): boolean {
  const rule = PROJECT_TRANSITIONS[transition];
  return (rule.from as readonly ProjectStatus[]).includes(status) && (rule.by as readonly Who[]).includes(by);
}

/** States in which the project runs: money moves, reports and changes are filed. */
export const RUNNING_PROJECT_STATUSES = ['ACTIVE', 'MIDTERM_REVIEW'] as const satisfies readonly ProjectStatus[];

/** States from which nothing follows. */
export const ENDED_PROJECT_STATUSES = ['CLOSED', 'CUT', 'TERMINATED'] as const satisfies readonly ProjectStatus[];
