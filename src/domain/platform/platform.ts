// 平台档案 (issue 7, DATA-MODEL §2.13): what a funded platform has beyond its Project — research directions, the
// project managers (项目经理人) of a 高精尖创新中心 and the center's own projects — and how its birth turns the
// application into those rows. Pure: no I/O; money in integer fen (bigint).
import { z } from 'zod';
import { isPlatformKind, type ProgramKind } from '@/domain/program/rules';
import {
  BUDGET_UNIT_FEN,
  initialBudgetPlan,
  monthsByYear,
  shareFen,
  type BudgetPlanDraft,
  type InitialBudgetInput,
} from '@/domain/project/task-book';

export { isPlatformKind };

export const PLATFORM_STATUSES = ['ACTIVE', 'UNDER_EVALUATION', 'SUSPENDED', 'CLOSED'] as const;
export type PlatformStatus = (typeof PLATFORM_STATUSES)[number];

/** A closed platform's record is read-only: nothing is appointed, registered, reported or evaluated any more. */
export function platformIsOpen(status: PlatformStatus): boolean {
  return status !== 'CLOSED';
}

// ─── birth: directions and budget from the application ───

/** The directions as the application states them (`content.directions`, H1's platform application form). */
const applicationDirections = z.object({
  directions: z
    .array(
      z.object({
        title: z.string().catch(''),
        description: z.string().catch(''),
        leadName: z.string().catch(''),
      }),
    )
    .catch([]),
});

export interface DirectionDraft {
  ordinal: number;
  title: string;
  description: string;
  leadName: string;
}

/** The application's research directions, numbered from 1; untitled entries (an unfinished row) are left out. */
export function directionsFromApplication(content: unknown): DirectionDraft[] {
  const parsed = applicationDirections.safeParse(content ?? {});
  const rows = parsed.success ? parsed.data.directions : [];
  return rows
    .map((d) => ({ title: d.title.trim(), description: d.description.trim(), leadName: d.leadName.trim() }))
    .filter((d) => d.title.length > 0)
    .map((d, i) => ({ ...d, ordinal: i + 1 }));
}

export interface PlatformBudgetInput extends InitialBudgetInput {
  /** The application's multi-year budget by source (ApplicationYearBudget rows). */
  yearBudgets: readonly { year: number; source: 'FISCAL' | 'ENTERPRISE' | 'INSTITUTION'; amountFen: bigint }[];
}

/**
 * The first budget plan of a platform's task book. Each source's total (the award for fiscal money, the pledges for
 * the others) is spread over the project's years in the proportions of the application's year budget for that
 * source — the application's first budget year weighs the project's first year, its second the second, and any
 * years beyond the project's last are added to the last — then, for a line-item budget, over the categories in the
 * application's proportions. A source without year budgets is spread pro rata to months, as for any project
 * (initialBudgetPlan). Every source still sums exactly to its total (shareFen puts the remainder last).
 */
export function platformBudgetPlan(input: PlatformBudgetInput): BudgetPlanDraft[] {
  const years = monthsByYear(input.startDate, input.endDate).map((y) => y.year);
  const categories = new Map<string, bigint>();
  for (const c of input.categories)
    categories.set(c.categoryCode, (categories.get(c.categoryCode) ?? 0n) + c.amountFen);
  const codes = [...categories.keys()];
  const rows: BudgetPlanDraft[] = [];
  for (const s of input.sources) {
    if (s.amountFen <= 0n) continue;
    const own = input.yearBudgets.filter((b) => b.source === s.source && b.amountFen > 0n);
    if (own.length === 0) {
      rows.push(...initialBudgetPlan({ ...input, sources: [s] }));
      continue;
    }
    const appYears = [...new Set(own.map((b) => b.year))].sort((a, b) => a - b);
    const weights = years.map(() => 0n);
    for (const b of own) {
      const index = Math.min(appYears.indexOf(b.year), years.length - 1);
      weights[index] = weights[index]! + b.amountFen;
    }
    const perYear = shareFen(s.amountFen, weights, BUDGET_UNIT_FEN);
    years.forEach((year, i) => {
      const amount = perYear[i]!;
      if (amount === 0n) return;
      const parts =
        input.budgetMode === 'LINE_ITEM' && codes.length > 0
          ? shareFen(
              amount,
              codes.map((c) => categories.get(c)!),
              BUDGET_UNIT_FEN,
            ).map((amountFen, k) => ({ categoryCode: codes[k]! as string | null, amountFen }))
          : [{ categoryCode: null, amountFen: amount }];
      for (const part of parts) {
        if (part.amountFen === 0n) continue;
        rows.push({
          year,
          source: s.source,
          sourceInstitutionId: s.sourceInstitutionId,
          categoryCode: part.categoryCode,
          amountFen: part.amountFen,
        });
      }
    });
  }
  return rows;
}

/** The guard of a platform's birth: only a platform program's application becomes a platform. */
export function canCreatePlatform(facts: {
  applicationKind: 'PROJECT' | 'PLATFORM';
  programKind: ProgramKind;
}): { ok: true } | { ok: false; code: 'notAPlatformApplication' } {
  if (facts.applicationKind !== 'PLATFORM' || !isPlatformKind(facts.programKind)) {
    return { ok: false, code: 'notAPlatformApplication' };
  }
  return { ok: true };
}

// ─── directions ───

export interface DirectionEdit {
  id: string | null;
  title: string;
  active: boolean;
}

export type PlatformIssue = { field: string; code: string };

/**
 * A platform keeps at least one active direction, and two active directions never share a title. Directions are
 * never deleted (reports and center projects refer to them by name): a direction no longer pursued is made inactive.
 * `knownIds` are the platform's own direction ids; an id from elsewhere is refused.
 */
export function checkDirections(directions: readonly DirectionEdit[], knownIds: readonly string[]): PlatformIssue[] {
  const issues: PlatformIssue[] = [];
  if (!directions.some((d) => d.active)) issues.push({ field: 'directions', code: 'directionRequired' });
  const seen = new Set<string>();
  directions.forEach((d, i) => {
    if (d.id !== null && !knownIds.includes(d.id)) issues.push({ field: `directions.${i}.id`, code: 'invalid' });
    const key = d.title.trim();
    if (d.active && seen.has(key)) issues.push({ field: `directions.${i}.title`, code: 'directionDuplicate' });
    if (d.active) seen.add(key);
  });
  const missing = knownIds.filter((id) => !directions.some((d) => d.id === id));
  if (missing.length) issues.push({ field: 'directions', code: 'directionNotDeletable' });
  return issues;
}

// ─── 项目经理人 and the center's own projects ───

/** The project-manager mechanism (项目经理人) is the 高精尖创新中心's alone (DOMAIN.md, programs §4). */
export function hasProjectManagers(kind: ProgramKind): boolean {
  return kind === 'ADVANCED_INNOVATION_CENTER';
}

export type ManagerRefusal = 'notAnInnovationCenter' | 'platformClosed' | 'managerAlreadyAppointed' | 'notAResearcher';

/** The host office appoints a registered researcher who holds no open appointment on this platform. */
export function canAppointManager(f: {
  kind: ProgramKind;
  platformStatus: PlatformStatus;
  isResearcher: boolean;
  hasOpenAppointment: boolean;
}): { ok: true } | { ok: false; code: ManagerRefusal } {
  if (!hasProjectManagers(f.kind)) return { ok: false, code: 'notAnInnovationCenter' };
  if (!platformIsOpen(f.platformStatus)) return { ok: false, code: 'platformClosed' };
  if (!f.isResearcher) return { ok: false, code: 'notAResearcher' };
  if (f.hasOpenAppointment) return { ok: false, code: 'managerAlreadyAppointed' };
  return { ok: true };
}

/** An appointment ends once, on or after the day it began. */
export function checkEndAppointment(f: {
  appointedOn: string;
  endedOn: string | null;
  endOn: string;
}): { ok: true } | { ok: false; code: 'managerAlreadyEnded' | 'endBeforeAppointment' } {
  if (f.endedOn !== null) return { ok: false, code: 'managerAlreadyEnded' };
  if (f.endOn < f.appointedOn) return { ok: false, code: 'endBeforeAppointment' };
  return { ok: true };
}

export const PLATFORM_PROJECT_STATUSES = ['ACTIVE', 'COMPLETED', 'TERMINATED'] as const;
export type PlatformProjectStatus = (typeof PLATFORM_PROJECT_STATUSES)[number];

/** 中心项目: registered ACTIVE, then completed or terminated; both are final. */
export const PLATFORM_PROJECT_TRANSITIONS = {
  complete: { from: ['ACTIVE'], to: 'COMPLETED' },
  terminate: { from: ['ACTIVE'], to: 'TERMINATED' },
} as const satisfies Record<string, { from: readonly PlatformProjectStatus[]; to: PlatformProjectStatus }>;
export type PlatformProjectTransition = keyof typeof PLATFORM_PROJECT_TRANSITIONS;

export function canTransitionPlatformProject(
  status: PlatformProjectStatus,
  transition: PlatformProjectTransition,
): boolean {
  return (PLATFORM_PROJECT_TRANSITIONS[transition].from as readonly PlatformProjectStatus[]).includes(status);
}

/**
 * A center project may be registered or edited while the center offers project managers, the platform is open, the
 * manager's appointment is open, and (for an edit) the project is still ACTIVE; it ends on or after it starts.
 */
export function checkPlatformProject(f: {
  kind: ProgramKind;
  platformStatus: PlatformStatus;
  managerOpen: boolean;
  status: PlatformProjectStatus | null;
  startsOn: string;
  endsOn: string;
}): { conflict: string | null; issues: PlatformIssue[] } {
  const conflict = !hasProjectManagers(f.kind)
    ? 'notAnInnovationCenter'
    : !platformIsOpen(f.platformStatus)
      ? 'platformClosed'
      : !f.managerOpen
        ? 'managerAppointmentEnded'
        : f.status !== null && f.status !== 'ACTIVE'
          ? 'platformProjectFinished'
          : null;
  const issues: PlatformIssue[] = [];
  if (f.endsOn < f.startsOn) issues.push({ field: 'endsOn', code: 'endsBeforeStart' });
  return { conflict, issues };
}

/** The center's own money: all its projects, and those still running (terminated ones count up to their end). */
export function centerBudget(projects: readonly { status: PlatformProjectStatus; budgetFen: bigint }[]): {
  count: number;
  totalFen: bigint;
  activeFen: bigint;
} {
  let totalFen = 0n;
  let activeFen = 0n;
  for (const p of projects) {
    totalFen += p.budgetFen;
    if (p.status === 'ACTIVE') activeFen += p.budgetFen;
  }
  return { count: projects.length, totalFen, activeFen };
}
