import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/server/auth/actor';
import { db } from '@/server/db';
import {
  acceptExpenditureReport,
  fileExpenditureReport,
  returnExpenditureReport,
  signExpenditureReport,
} from '@/server/projects/expenditure';
import { getProject } from '@/server/projects/projects';
import { approveTranche, cancelTranche, markTranchePaid } from '@/server/projects/tranches';
import { actorFor, auditActions, DEMO, expectDomainError, seed } from './helpers';
import { activeProject } from './project-fixtures';

// The money of a funded project (DATA-MODEL §2.12, §3.8): tranches approved by staff and paid by the payer of each
// source, cancelled with a reason, reconciled per payer; expenditure reports per year — line-item against the budget,
// 包干制 as the simplified report — signed by the office and accepted or returned by staff.

const WAN = 1_000_000n;
let pi: Actor;
let otherPi: Actor;
let office: Actor;
let staff: Actor;
let enterprise: Actor;
let otherInstitutionId: string;

beforeAll(async () => {
  await seed();
  pi = await actorFor(DEMO.researcher, 'RESEARCHER');
  otherPi = await actorFor(DEMO.young, 'RESEARCHER');
  office = await actorFor(DEMO.office, 'INSTITUTION_OFFICE');
  staff = await actorFor(DEMO.staff, 'COMMISSION_STAFF');
  enterprise = await actorFor(DEMO.enterprise, 'ENTERPRISE');
  otherInstitutionId = (await db().institution.findFirstOrThrow({ where: { name: '北京联合大学' } })).id;
});

async function tranche(projectId: string, source: 'FISCAL' | 'ENTERPRISE' | 'INSTITUTION', ordinal = 1) {
  return db().tranche.findFirstOrThrow({ where: { projectId, source, ordinal } });
}

describe('tranches', () => {
  it('are approved by staff and paid by the payer of their source only, with the voucher number', async () => {
    const f = await activeProject({ kind: 'CHALLENGE', requestedWan: 100, enterpriseWan: 50, institutionWan: 10 });
    let fiscal = await tranche(f.projectId, 'FISCAL');
    await expectDomainError(
      approveTranche(db(), staff, { trancheId: fiscal.id, version: fiscal.version + 1 }),
      'STALE',
    );
    await approveTranche(db(), staff, { trancheId: fiscal.id, version: fiscal.version });
    fiscal = await tranche(f.projectId, 'FISCAL');
    expect(fiscal).toMatchObject({ status: 'APPROVED', approvedById: staff.userId });
    await expectDomainError(approveTranche(db(), staff, { trancheId: fiscal.id, version: fiscal.version }), 'CONFLICT');

    // Neither the enterprise nor the office pays fiscal money: to them the tranche does not exist.
    const pay = { trancheId: fiscal.id, version: fiscal.version, paymentReference: 'CZ-001' };
    await expectDomainError(markTranchePaid(db(), enterprise, pay), 'NOT_FOUND');
    await expectDomainError(markTranchePaid(db(), office, pay), 'NOT_FOUND');
    const blank = await expectDomainError(
      markTranchePaid(db(), staff, { ...pay, paymentReference: '  ' }),
      'VALIDATION',
    );
    expect(Object.keys(blank.fieldErrors!)).toEqual(['paymentReference']);
    expect((await tranche(f.projectId, 'FISCAL')).status).toBe('APPROVED');
    await markTranchePaid(db(), staff, pay);
    fiscal = await tranche(f.projectId, 'FISCAL');
    expect(fiscal).toMatchObject({ status: 'PAID', paymentReference: 'CZ-001', paidById: staff.userId });
    expect(await auditActions(fiscal.id)).toEqual(['tranche.approve', 'tranche.mark_paid']);

    let ent = await tranche(f.projectId, 'ENTERPRISE');
    await approveTranche(db(), staff, { trancheId: ent.id, version: ent.version });
    ent = await tranche(f.projectId, 'ENTERPRISE');
    const entPay = { trancheId: ent.id, version: ent.version, paymentReference: 'QY-001' };
    const notPayer = await expectDomainError(markTranchePaid(db(), staff, entPay), 'CONFLICT');
    expect(notPayer.messageKey).toBe('notThePayer');
    await expectDomainError(
      markTranchePaid(db(), { ...enterprise, institutionId: otherInstitutionId }, entPay),
      'NOT_FOUND',
    );
    await markTranchePaid(db(), enterprise, entPay);
    expect((await tranche(f.projectId, 'ENTERPRISE')).status).toBe('PAID');

    let inst = await tranche(f.projectId, 'INSTITUTION');
    await approveTranche(db(), staff, { trancheId: inst.id, version: inst.version });
    inst = await tranche(f.projectId, 'INSTITUTION');
    await expectDomainError(
      markTranchePaid(
        db(),
        { ...office, institutionId: otherInstitutionId },
        {
          trancheId: inst.id,
          version: inst.version,
          paymentReference: 'PT-1',
        },
      ),
      'NOT_FOUND',
    );
    await markTranchePaid(db(), office, { trancheId: inst.id, version: inst.version, paymentReference: 'PT-1' });
    expect((await tranche(f.projectId, 'INSTITUTION')).status).toBe('PAID');
  });

  it('refuses a later year before the previous report is accepted; cancels unpaid ones; reconciles', async () => {
    const f = await activeProject({ requestedWan: 90, durationMonths: 24 });
    const second = await tranche(f.projectId, 'FISCAL', 2);
    const e = await expectDomainError(
      approveTranche(db(), staff, { trancheId: second.id, version: second.version }),
      'CONFLICT',
    );
    expect(e.messageKey).toBe('previousReportNotAccepted');

    const first = await tranche(f.projectId, 'FISCAL', 1);
    await approveTranche(db(), staff, { trancheId: first.id, version: first.version });
    const approved = await tranche(f.projectId, 'FISCAL', 1);
    await markTranchePaid(db(), staff, { trancheId: first.id, version: approved.version, paymentReference: 'CZ-9' });
    const paid = await tranche(f.projectId, 'FISCAL', 1);
    await expectDomainError(
      cancelTranche(db(), staff, { trancheId: paid.id, version: paid.version, reason: '不再拨付' }),
      'CONFLICT',
    );
    await cancelTranche(db(), staff, { trancheId: second.id, version: second.version, reason: '项目调整，停拨' });
    expect(await db().tranche.findUniqueOrThrow({ where: { id: second.id } })).toMatchObject({
      status: 'CANCELLED',
      cancelledReason: '项目调整，停拨',
    });
    expect(await auditActions(second.id)).toEqual(['tranche.cancel']);

    const detail = await getProject(db(), staff, f.projectId);
    const row = detail.reconciliation.find((r) => r.source === 'FISCAL')!;
    expect(row.plannedFen).toBe(90n * WAN);
    expect(row.paidFen).toBe(paid.amountFen);
    expect(row.cancelledFen).toBe(second.amountFen);
    // Every fen of the plan is live or cancelled.
    expect(row.liveFen + row.cancelledFen).toBe(row.plannedFen);
    expect(row.problems).toEqual(['liveDiffersFromPlan']);
  });
});

async function payFirstFiscal(projectId: string) {
  const t = await tranche(projectId, 'FISCAL', 1);
  await approveTranche(db(), staff, { trancheId: t.id, version: t.version });
  const a = await tranche(projectId, 'FISCAL', 1);
  await markTranchePaid(db(), staff, { trancheId: t.id, version: a.version, paymentReference: 'CZ-X' });
  return a.amountFen;
}

describe('expenditure reports', () => {
  it('line-item: over budget and over the money received are refused on their fields; sign; accept', async () => {
    const f = await activeProject({ requestedWan: 100 });
    const received = await payFirstFiscal(f.projectId);
    const p = await db().project.findUniqueOrThrow({ where: { id: f.projectId } });
    const year = p.startDate.getUTCFullYear();
    const indirect = await db().budgetPlan.aggregate({
      where: { taskBook: { projectId: f.projectId, status: 'CONFIRMED' }, categoryCode: 'INDIRECT' },
      _sum: { amountFen: true },
    });
    const over = indirect._sum.amountFen! + 1n;
    const refused = await expectDomainError(
      fileExpenditureReport(db(), pi, {
        projectId: f.projectId,
        year,
        totalSpentWan: over,
        statement: null,
        lines: [{ categoryCode: 'INDIRECT', source: 'FISCAL', amountWan: over }],
        submit: true,
      }),
      'VALIDATION',
    );
    expect(Object.keys(refused.fieldErrors!)).toContain('lines.0.amountWan');
    const tooMuch = await expectDomainError(
      fileExpenditureReport(db(), pi, {
        projectId: f.projectId,
        year,
        totalSpentWan: received + 1n,
        statement: null,
        lines: [{ categoryCode: 'EQUIPMENT', source: 'FISCAL', amountWan: received + 1n }],
        submit: true,
      }),
      'VALIDATION',
    );
    expect(Object.keys(tooMuch.fieldErrors!)).toEqual(['totalSpentWan']);
    expect(await db().expenditureReport.count({ where: { projectId: f.projectId } })).toBe(0);

    await expectDomainError(
      fileExpenditureReport(db(), otherPi, {
        projectId: f.projectId,
        year,
        totalSpentWan: 1n,
        statement: null,
        lines: [],
        submit: false,
      }),
      'NOT_FOUND',
    );
    const filed = await fileExpenditureReport(db(), pi, {
      projectId: f.projectId,
      year,
      totalSpentWan: 3n * WAN,
      statement: null,
      lines: [
        { categoryCode: 'EQUIPMENT', source: 'FISCAL', amountWan: 2n * WAN },
        { categoryCode: 'PERSONNEL', source: 'FISCAL', amountWan: 1n * WAN },
      ],
      submit: true,
    });
    expect(filed.status).toBe('SUBMITTED');
    let r = await db().expenditureReport.findUniqueOrThrow({ where: { id: filed.id }, include: { lines: true } });
    expect(r).toMatchObject({ mode: 'LINE_ITEM', isFinal: false });
    expect(r.lines).toHaveLength(2);

    await expectDomainError(acceptExpenditureReport(db(), staff, { reportId: r.id, version: r.version }), 'CONFLICT');
    await expectDomainError(
      signExpenditureReport(
        db(),
        { ...office, institutionId: otherInstitutionId },
        { reportId: r.id, version: r.version },
      ),
      'NOT_FOUND',
    );
    await signExpenditureReport(db(), office, { reportId: r.id, version: r.version });
    r = await db().expenditureReport.findUniqueOrThrow({ where: { id: filed.id }, include: { lines: true } });
    expect(r.status).toBe('INSTITUTION_SIGNED');
    await acceptExpenditureReport(db(), staff, { reportId: r.id, version: r.version });
    expect((await db().expenditureReport.findUniqueOrThrow({ where: { id: r.id } })).status).toBe('ACCEPTED');
    expect(await auditActions(r.id)).toEqual([
      'expenditure_report.submit',
      'expenditure_report.sign',
      'expenditure_report.accept',
    ]);
    // Accepted: no longer the PI's to change.
    await expectDomainError(
      fileExpenditureReport(db(), pi, {
        projectId: f.projectId,
        version: r.version + 1,
        year,
        totalSpentWan: 0n,
        statement: null,
        lines: [],
        submit: false,
      }),
      'CONFLICT',
    );
  });

  it('包干制: the simplified report needs a statement; returned reports are corrected and filed again', async () => {
    const f = await activeProject({ budgetMode: 'LUMP_SUM', requestedWan: 50 });
    await payFirstFiscal(f.projectId);
    const p = await db().project.findUniqueOrThrow({ where: { id: f.projectId } });
    const year = p.endDate.getUTCFullYear();
    const draft = await fileExpenditureReport(db(), pi, {
      projectId: f.projectId,
      year,
      totalSpentWan: WAN,
      statement: null,
      lines: [],
      submit: false,
    });
    let r = await db().expenditureReport.findUniqueOrThrow({ where: { id: draft.id } });
    expect(r).toMatchObject({ status: 'DRAFT', mode: 'SIMPLIFIED', isFinal: true });
    await expectDomainError(signExpenditureReport(db(), office, { reportId: r.id, version: r.version }), 'CONFLICT');
    const short = await expectDomainError(
      fileExpenditureReport(db(), pi, {
        projectId: f.projectId,
        version: r.version,
        year,
        totalSpentWan: WAN,
        statement: '用于材料费。',
        lines: [],
        submit: true,
      }),
      'VALIDATION',
    );
    expect(Object.keys(short.fieldErrors!)).toEqual(['statement']);
    const statement =
      '本年度经费主要用于器件流片加工、测试平台搭建与研究生劳务，支出均按依托单位包干制管理办法执行，资金使用与研究任务进展相匹配，无挪用。';
    await fileExpenditureReport(db(), pi, {
      projectId: f.projectId,
      version: r.version,
      year,
      totalSpentWan: WAN,
      statement,
      lines: [],
      submit: true,
    });
    r = await db().expenditureReport.findUniqueOrThrow({ where: { id: draft.id } });
    await signExpenditureReport(db(), office, { reportId: r.id, version: r.version });
    r = await db().expenditureReport.findUniqueOrThrow({ where: { id: draft.id } });
    await returnExpenditureReport(db(), staff, { reportId: r.id, version: r.version, reason: '请补充流片合同编号。' });
    r = await db().expenditureReport.findUniqueOrThrow({ where: { id: draft.id } });
    expect(r).toMatchObject({ status: 'RETURNED', returnReason: '请补充流片合同编号。' });
    await fileExpenditureReport(db(), pi, {
      projectId: f.projectId,
      version: r.version,
      year,
      totalSpentWan: WAN,
      statement: `${statement}流片合同编号：HT-2028-01。`,
      lines: [],
      submit: true,
    });
    r = await db().expenditureReport.findUniqueOrThrow({ where: { id: draft.id } });
    expect(r.status).toBe('SUBMITTED');
    expect(await auditActions(r.id)).toEqual([
      'expenditure_report.save',
      'expenditure_report.submit',
      'expenditure_report.sign',
      'expenditure_report.return',
      'expenditure_report.submit',
    ]);
  });

  it('refuses a report for a year outside the project, naming the year', async () => {
    const f = await activeProject({ requestedWan: 20 });
    const e = await expectDomainError(
      fileExpenditureReport(db(), pi, {
        projectId: f.projectId,
        year: 2001,
        totalSpentWan: 0n,
        statement: null,
        lines: [],
        submit: false,
      }),
      'VALIDATION',
    );
    expect(Object.keys(e.fieldErrors!)).toEqual(['year']);
  });
});
