// 拨款 (issue 6): the money of a funded project, per funding source — fiscal money from the commission, the enterprise's
// co-funding (揭榜挂帅), the institution's matching — paid in tranches planned from the confirmed task book's budget by
// year and source (BudgetPlan). Amounts are integer fen (bigint) throughout; nothing here rounds.
//
// PLAN. One tranche per source, payer and budget year: the first year's on the project's start date, each later year's
// on 1 March of that year (the first quarter, when appropriations arrive).
//
// WHO PAYS. The commission marks fiscal tranches paid; the enterprise its own co-funding; the institution office its
// own matching. A payment needs the voucher number (凭证号).
//
// RECONCILIATION. Per source and payer: the live tranches (not CANCELLED) add up to the plan, except what a 赛马制 cut
// moved (reported, not an error); what was paid never exceeds the plan.

export type FundingSource = 'FISCAL' | 'ENTERPRISE' | 'INSTITUTION';
export type TrancheStatus = 'PLANNED' | 'APPROVED' | 'PAID' | 'CANCELLED';

export interface BudgetPlanRow {
  year: number;
  source: FundingSource;
  sourceInstitutionId: string | null;
  amountFen: bigint;
}

export interface PlannedTranche {
  source: FundingSource;
  sourceInstitutionId: string | null;
  ordinal: number;
  plannedDate: string;
  amountFen: bigint;
}

const payerKey = (r: { source: FundingSource; sourceInstitutionId: string | null }) =>
  `${r.source}:${r.sourceInstitutionId ?? ''}`;

/** The tranches of a confirmed budget plan (zero-amount rows plan nothing). `startDate` is YYYY-MM-DD. */
export function planTranches(plan: readonly BudgetPlanRow[], startDate: string): PlannedTranche[] {
  const startYear = Number(startDate.slice(0, 4));
  // Years and categories of one payer are summed: a tranche pays a year's money whatever its categories.
  const byPayerYear = new Map<
    string,
    { source: FundingSource; sourceInstitutionId: string | null; year: number; amountFen: bigint }
  >();
  for (const r of plan) {
    if (r.amountFen < 0n) throw new RangeError('a budget amount cannot be negative');
    if (r.year < startYear) throw new RangeError(`budget year ${r.year} is before the project starts`);
    const key = `${payerKey(r)}:${r.year}`;
    const row = byPayerYear.get(key) ?? {
      source: r.source,
      sourceInstitutionId: r.sourceInstitutionId,
      year: r.year,
      amountFen: 0n,
    };
    row.amountFen += r.amountFen;
    byPayerYear.set(key, row);
  }
  const rows = [...byPayerYear.values()]
    .filter((r) => r.amountFen > 0n)
    .sort((a, b) => payerKey(a).localeCompare(payerKey(b)) || a.year - b.year);
  const ordinals = new Map<string, number>();
  return rows.map((r) => {
    const ordinal = (ordinals.get(payerKey(r)) ?? 0) + 1;
    ordinals.set(payerKey(r), ordinal);
    return {
      source: r.source,
      sourceInstitutionId: r.sourceInstitutionId,
      ordinal,
      plannedDate: r.year === startYear ? startDate : `${r.year}-03-01`,
      amountFen: r.amountFen,
    };
  });
}

export interface TrancheFact {
  source: FundingSource;
  sourceInstitutionId: string | null;
  status: TrancheStatus;
  amountFen: bigint;
  /** Set on a tranche cancelled by a 赛马制 cut whose money went to another team. */
  reallocated?: boolean;
  /** Set on a tranche added to this project by a 赛马制 cut. */
  fromRaceCut?: boolean;
}

export interface PayerReconciliation {
  source: FundingSource;
  sourceInstitutionId: string | null;
  plannedFen: bigint;
  liveFen: bigint;
  paidFen: bigint;
  movedOutFen: bigint;
  movedInFen: bigint;
  problems: ('liveDiffersFromPlan' | 'paidExceedsPlan')[];
}

/** Per payer: plan, live tranches, payments and what a race cut moved, with what does not add up. */
export function reconcileTranches(
  plan: readonly BudgetPlanRow[],
  tranches: readonly TrancheFact[],
): PayerReconciliation[] {
  const payers = new Map<string, PayerReconciliation>();
  const of = (r: { source: FundingSource; sourceInstitutionId: string | null }) => {
    const key = payerKey(r);
    let p = payers.get(key);
    if (!p) {
      p = {
        source: r.source,
        sourceInstitutionId: r.sourceInstitutionId,
        plannedFen: 0n,
        liveFen: 0n,
        paidFen: 0n,
        movedOutFen: 0n,
        movedInFen: 0n,
        problems: [],
      };
      payers.set(key, p);
    }
    return p;
  };
  for (const r of plan) of(r).plannedFen += r.amountFen;
  for (const t of tranches) {
    const p = of(t);
    if (t.status === 'CANCELLED') {
      if (t.reallocated) p.movedOutFen += t.amountFen;
      continue;
    }
    p.liveFen += t.amountFen;
    if (t.fromRaceCut) p.movedInFen += t.amountFen;
    if (t.status === 'PAID') p.paidFen += t.amountFen;
  }
  for (const p of payers.values()) {
    if (p.liveFen !== p.plannedFen - p.movedOutFen + p.movedInFen) p.problems.push('liveDiffersFromPlan');
    if (p.paidFen > p.plannedFen + p.movedInFen) p.problems.push('paidExceedsPlan');
  }
  return [...payers.values()].sort((a, b) => payerKey(a).localeCompare(payerKey(b)));
}

export type TrancheRefusal = 'wrongState' | 'notThePayer' | 'paymentReferenceRequired';

/** Who may mark a tranche paid: the payer of its source, with the voucher number. */
export function canMarkTranchePaid(
  tranche: { status: TrancheStatus; source: FundingSource; sourceInstitutionId: string | null },
  actor: { role: 'COMMISSION_STAFF' | 'ENTERPRISE' | 'INSTITUTION_OFFICE' | string; institutionId: string | null },
  paymentReference: string | null,
): { ok: true } | { ok: false; code: TrancheRefusal } {
  if (tranche.status !== 'APPROVED') return { ok: false, code: 'wrongState' };
  const payer =
    tranche.source === 'FISCAL'
      ? actor.role === 'COMMISSION_STAFF'
      : actor.role === (tranche.source === 'ENTERPRISE' ? 'ENTERPRISE' : 'INSTITUTION_OFFICE') &&
        actor.institutionId !== null &&
        actor.institutionId === tranche.sourceInstitutionId;
  if (!payer) return { ok: false, code: 'notThePayer' };
  if (!paymentReference?.trim()) return { ok: false, code: 'paymentReferenceRequired' };
  return { ok: true };
}
