import { z } from 'zod';
import { PROJECT_STATUSES } from '@/domain/project/transitions';
import { MENTORING_KINDS } from '@/domain/project/mentor';
import { zOptionalText, zRequiredText, zUuid, zVersion } from './common';
import { msg } from './messages';
import { zMoney } from './money';
import { zIsoDate } from './talent';

// Funded projects (issue 6): the task book the PI edits, the three confirmations, activation, tranches, expenditure
// reports and mentoring. Money is typed in 万元 and arrives at the server as fen. Ids and versions come from the page;
// the module checks them against the actor's scope.

const FUNDING_SOURCES = ['FISCAL', 'ENTERPRISE', 'INSTITUTION'] as const;
const COMPARATORS = ['GTE', 'LTE', 'EQ', 'RANGE'] as const;

const zOptionalId = z
  .union([z.literal(''), zUuid])
  .nullable()
  .optional()
  .transform((v) => v || null);

const zYear = z
  .number({ error: 'number' })
  .int({ error: 'integer' })
  .min(2000, { error: msg('between', { min: 2000, max: 2100 }) })
  .max(2100, { error: msg('between', { min: 2000, max: 2100 }) });

/** Which task book the edit is for, and the version the form was loaded with. */
const taskBookRef = { projectId: zUuid, version: zVersion };

export const ZTaskBookContent = z.object({
  ...taskBookRef,
  content: z.object({
    goals: zRequiredText(20_000),
    plan: zRequiredText(20_000),
    outputs: zRequiredText(20_000),
  }),
});
export type TTaskBookContent = z.input<typeof ZTaskBookContent>;

export const ZKpiRow = z.object({
  /** Absent for a new row. Rows copied from a challenge target keep their id and their wording. */
  id: zOptionalId,
  name: zRequiredText(200),
  unit: zRequiredText(40),
  comparator: z.enum(COMPARATORS, { error: 'invalid' }),
  targetValue: zRequiredText(100),
  acceptanceMethod: zRequiredText(500),
});

export const ZTaskBookKpis = z.object({
  ...taskBookRef,
  kpis: z.array(ZKpiRow, { error: 'invalid' }).max(50, { error: msg('tooMany', { max: 50 }) }),
});
export type TTaskBookKpis = z.input<typeof ZTaskBookKpis>;

export const ZMilestoneRow = z.object({
  id: zOptionalId,
  title: zRequiredText(200),
  dueDate: zIsoDate,
});

export const ZTaskBookMilestones = z.object({
  ...taskBookRef,
  milestones: z
    .array(ZMilestoneRow, { error: 'invalid' })
    .min(1, { error: 'milestoneRequired' })
    .max(30, { error: msg('tooMany', { max: 30 }) }),
});
export type TTaskBookMilestones = z.input<typeof ZTaskBookMilestones>;

export const ZBudgetRow = z.object({
  year: zYear,
  source: z.enum(FUNDING_SOURCES, { error: 'invalid' }),
  categoryCode: z
    .string({ error: 'invalid' })
    .trim()
    .max(40, { error: msg('tooLong', { max: 40 }) })
    .optional()
    .transform((s) => s || null),
  amountWan: zMoney('wan'),
});

export const ZTaskBookBudget = z.object({
  ...taskBookRef,
  budget: z.array(ZBudgetRow, { error: 'invalid' }).max(200, { error: msg('tooMany', { max: 200 }) }),
});
export type TTaskBookBudget = z.input<typeof ZTaskBookBudget>;

/** A confirmation (PI, office or commission, by the actor's role) of the task book as loaded. */
export const ZConfirmTaskBook = z.object(taskBookRef);
export type TConfirmTaskBook = z.input<typeof ZConfirmTaskBook>;

export const ZActivateProject = z.object({ projectId: zUuid, version: zVersion });
export type TActivateProject = z.input<typeof ZActivateProject>;

const trancheRef = { trancheId: zUuid, version: zVersion };
export const ZApproveTranche = z.object(trancheRef);
export const ZMarkTranchePaid = z.object({ ...trancheRef, paymentReference: zRequiredText(60) });
export type TMarkTranchePaid = z.input<typeof ZMarkTranchePaid>;
export const ZCancelTranche = z.object({ ...trancheRef, reason: zRequiredText(500) });
export type TCancelTranche = z.input<typeof ZCancelTranche>;

export const ZExpenditureLine = z.object({
  categoryCode: zRequiredText(40),
  source: z.enum(FUNDING_SOURCES, { error: 'invalid' }),
  amountWan: zMoney('wan'),
});

/**
 * The PI's report for one year: saved as a draft, or submitted (then it must reconcile). A line-item project sends
 * lines; a 包干制 project the total and a statement. Which of the two applies is the project's, not the form's.
 */
export const ZFileExpenditure = z.object({
  projectId: zUuid,
  /** The report's version when editing an existing draft or a returned report; absent for a new one. */
  version: zVersion.optional(),
  year: zYear,
  totalSpentWan: zMoney('wan'),
  statement: zOptionalText(5_000),
  lines: z.array(ZExpenditureLine, { error: 'invalid' }).max(100, { error: msg('tooMany', { max: 100 }) }),
  submit: z.boolean({ error: 'invalid' }),
});
export type TFileExpenditure = z.input<typeof ZFileExpenditure>;

const reportRef = { reportId: zUuid, version: zVersion };
export const ZSignExpenditure = z.object(reportRef);
export const ZAcceptExpenditure = z.object(reportRef);
export const ZReturnExpenditure = z.object({ ...reportRef, reason: zRequiredText(1_000) });
export type TReturnExpenditure = z.input<typeof ZReturnExpenditure>;

export const ZAssignMentor = z.object({ projectId: zUuid, expertUserId: zUuid });
export type TAssignMentor = z.input<typeof ZAssignMentor>;

export const ZMentoringEntry = z.object({
  assignmentId: zUuid,
  occurredOn: zIsoDate,
  kind: z.enum(MENTORING_KINDS, { error: 'invalid' }),
  milestoneId: zOptionalId,
  body: zRequiredText(5_000),
  visibleToPi: z.boolean({ error: 'invalid' }),
});
export type TMentoringEntry = z.input<typeof ZMentoringEntry>;

export const ZProjectFilters = z.object({
  status: z.enum(PROJECT_STATUSES, { error: 'invalid' }).optional().catch(undefined),
  programId: zUuid.optional().catch(undefined),
});
export type TProjectFilters = z.output<typeof ZProjectFilters>;
