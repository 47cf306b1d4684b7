import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { STABLE_SUPPORT_ORDINAL_BASE } from '@/domain/platform/evaluation';
import type { Actor } from '@/server/auth/actor';
import { db } from '@/server/db';
import { readFile, uploadFile } from '@/server/files/files';
import { decideEvaluation, openEvaluation, saveEvaluation } from '@/server/platforms/evaluations';
import { getPlatform } from '@/server/platforms/platforms';
import { approveTranche } from '@/server/projects/tranches';
import { acceptPlatformReport, returnPlatformReport, savePlatformReport } from '@/server/platforms/reports';
import { actorFor, auditActions, DEMO, expectDomainError, seed } from './helpers';
import { activePlatform, fundedPlatform } from './platform-fixtures';

// 年度报告 and 定期评估 → 稳定支持 of a platform (issue 7, DATA-MODEL §2.13).

const WAN = 1_000_000n;
let director: Actor;
let other: Actor;
let office: Actor;
let staff: Actor;
let otherInstitutionId: string;

beforeAll(async () => {
  await seed();
  director = await actorFor(DEMO.researcher, 'RESEARCHER');
  other = await actorFor(DEMO.young, 'RESEARCHER');
  office = await actorFor(DEMO.office, 'INSTITUTION_OFFICE');
  staff = await actorFor(DEMO.staff, 'COMMISSION_STAFF');
  otherInstitutionId = (await db().institution.findFirstOrThrow({ where: { name: '北京联合大学' } })).id;
});

const content = {
  summary: '年度建设总体情况。',
  outputs: '发表论文 12 篇，授权专利 3 项。',
  talent: '引进青年人才 2 名。',
  openness: '仪器开放共享 300 机时。',
  fundingNote: '',
};

async function reportYear(platformId: string) {
  const p = await db().platform.findUniqueOrThrow({ where: { id: platformId } });
  return p.establishedOn.getUTCFullYear();
}

describe('annual reports', () => {
  it('are drafted, submitted, returned with a reason, resubmitted and accepted', async () => {
    const f = await fundedPlatform();
    const year = await reportYear(f.platformId);
    // "Now" is in the year the platform was established, so that year's report may be filed.
    const now = new Date(Date.UTC(year, 11, 1));
    const draft = await savePlatformReport(
      db(),
      director,
      { platformId: f.platformId, year, content: { ...content, outputs: '' }, fileId: null, submit: false },
      now,
    );
    expect(draft.status).toBe('DRAFT');
    // Submitting without outputs names the field.
    let r = await db().platformAnnualReport.findUniqueOrThrow({ where: { id: draft.id } });
    const missing = await expectDomainError(
      savePlatformReport(
        db(),
        director,
        {
          platformId: f.platformId,
          year,
          version: r.version,
          content: { ...content, outputs: '' },
          fileId: null,
          submit: true,
        },
        now,
      ),
      'VALIDATION',
    );
    expect(missing.fieldErrors).toEqual({ 'content.outputs': 'required' });
    // A second "new" report for the same year (a stale page) does not overwrite the first.
    await expectDomainError(
      savePlatformReport(db(), office, { platformId: f.platformId, year, content, fileId: null, submit: true }, now),
      'STALE',
    );
    await savePlatformReport(
      db(),
      office,
      { platformId: f.platformId, year, version: r.version, content, fileId: null, submit: true },
      now,
    );
    r = await db().platformAnnualReport.findUniqueOrThrow({ where: { id: draft.id } });
    expect(r.status).toBe('SUBMITTED');
    // Submitted: the authors wait, staff act.
    await expectDomainError(
      savePlatformReport(
        db(),
        director,
        { platformId: f.platformId, year, version: r.version, content, fileId: null, submit: false },
        now,
      ),
      'CONFLICT',
    );
    await expectDomainError(acceptPlatformReport(db(), office, { reportId: r.id, version: r.version }), 'FORBIDDEN');
    await returnPlatformReport(db(), staff, { reportId: r.id, version: r.version, reason: '请补充开放共享数据。' });
    // A second member of staff on the old page: the report is no longer submitted.
    await expectDomainError(acceptPlatformReport(db(), staff, { reportId: r.id, version: r.version }), 'CONFLICT');
    r = await db().platformAnnualReport.findUniqueOrThrow({ where: { id: draft.id } });
    expect(r).toMatchObject({ status: 'RETURNED', returnReason: '请补充开放共享数据。', reviewedById: staff.userId });
    await savePlatformReport(
      db(),
      director,
      {
        platformId: f.platformId,
        year,
        version: r.version,
        content: { ...content, openness: '开放 420 机时。' },
        fileId: null,
        submit: true,
      },
      now,
    );
    r = await db().platformAnnualReport.findUniqueOrThrow({ where: { id: draft.id } });
    await acceptPlatformReport(db(), staff, { reportId: r.id, version: r.version });
    await expectDomainError(acceptPlatformReport(db(), staff, { reportId: r.id, version: r.version + 1 }), 'CONFLICT');
    expect(await auditActions(r.id)).toEqual([
      'platform_report.save',
      'platform_report.save',
      'platform_report.submit',
      'platform_report.return',
      'platform_report.save',
      'platform_report.submit',
      'platform_report.accept',
    ]);
    expect((await getPlatform(db(), staff, f.platformId)).reports[0]).toMatchObject({ status: 'ACCEPTED', year });
  });

  it('carry a PDF that those who read the platform download, and nobody else', async () => {
    const f = await fundedPlatform();
    const year = await reportYear(f.platformId);
    const now = new Date(Date.UTC(year, 11, 1));
    const pdf = readFileSync(path.join(import.meta.dirname, '../fixtures/sample.pdf'));
    const upload = (actor: Actor, purpose: 'PLATFORM_REPORT' | 'APPLICATION_ATTACHMENT') =>
      uploadFile(db(), actor, { name: '年度报告.pdf', bytes: pdf, purpose });
    // Someone else's file, or one uploaded for another purpose, is refused by name.
    const foreign = await upload(other, 'PLATFORM_REPORT');
    const wrongPurpose = await upload(director, 'APPLICATION_ATTACHMENT');
    for (const fileId of [foreign.id, wrongPurpose.id]) {
      const refused = await expectDomainError(
        savePlatformReport(db(), director, { platformId: f.platformId, year, content, fileId, submit: false }, now),
        'VALIDATION',
      );
      expect(refused.fieldErrors).toEqual({ fileId: 'fileUnknown' });
    }
    const file = await upload(director, 'PLATFORM_REPORT');
    const saved = await savePlatformReport(
      db(),
      director,
      { platformId: f.platformId, year, content, fileId: file.id, submit: false },
      now,
    );
    // The office keeps the director's PDF while it submits.
    const r = await db().platformAnnualReport.findUniqueOrThrow({ where: { id: saved.id } });
    await savePlatformReport(
      db(),
      office,
      { platformId: f.platformId, year, version: r.version, content, fileId: file.id, submit: true },
      now,
    );
    expect((await getPlatform(db(), staff, f.platformId)).reports[0]).toMatchObject({
      fileId: file.id,
      filename: '年度报告.pdf',
    });
    for (const reader of [director, office, staff]) {
      expect((await readFile(db(), reader, file.id)).bytes.equals(pdf)).toBe(true);
    }
    await expectDomainError(readFile(db(), other, file.id), 'NOT_FOUND');
    await expectDomainError(readFile(db(), { ...office, institutionId: otherInstitutionId }, file.id), 'NOT_FOUND');
  });

  it('cover years from establishment to now, and only the director or the host office write them', async () => {
    const f = await fundedPlatform();
    const year = await reportYear(f.platformId);
    const now = new Date(Date.UTC(year, 11, 1));
    const input = { platformId: f.platformId, year: year - 1, content, fileId: null, submit: false };
    const early = await expectDomainError(savePlatformReport(db(), director, input, now), 'VALIDATION');
    expect(early.fieldErrors).toEqual({ year: 'reportYearBeforeEstablished' });
    const future = await expectDomainError(
      savePlatformReport(db(), director, { ...input, year: year + 1 }, now),
      'VALIDATION',
    );
    expect(future.fieldErrors).toEqual({ year: 'reportYearInFuture' });
    await expectDomainError(savePlatformReport(db(), other, { ...input, year }, now), 'NOT_FOUND');
    await expectDomainError(
      savePlatformReport(db(), { ...office, institutionId: otherInstitutionId }, { ...input, year }, now),
      'NOT_FOUND',
    );
    await expectDomainError(savePlatformReport(db(), staff, { ...input, year }, now), 'FORBIDDEN');
  });
});

describe('periodic evaluation and stable support', () => {
  it('opens (platform UNDER_EVALUATION), grades and decides: grade, support and tranches in one go', async () => {
    const f = await activePlatform({ awardedWan: 900, durationMonths: 36 });
    const p0 = await db().platform.findUniqueOrThrow({ where: { id: f.platformId } });
    const from = p0.establishedOn.toISOString().slice(0, 10);
    const to = `${p0.establishedOn.getUTCFullYear() + 2}-12-31`;
    const opened = await openEvaluation(db(), staff, {
      platformId: f.platformId,
      version: p0.version,
      periodFrom: from,
      periodTo: to,
    });
    expect((await db().platform.findUniqueOrThrow({ where: { id: f.platformId } })).status).toBe('UNDER_EVALUATION');
    // One draft at a time.
    const p1 = await db().platform.findUniqueOrThrow({ where: { id: f.platformId } });
    await expectDomainError(
      openEvaluation(db(), staff, { platformId: f.platformId, version: p1.version, periodFrom: from, periodTo: to }),
      'CONFLICT',
    );

    let e = await db().platformEvaluation.findUniqueOrThrow({ where: { id: opened.id } });
    // Deciding before a grade is recorded names the missing fields.
    const early = await expectDomainError(
      decideEvaluation(db(), staff, {
        evaluationId: e.id,
        version: e.version,
        overrideWan: null,
        overrideReason: null,
      }),
      'VALIDATION',
    );
    expect(early.fieldErrors).toMatchObject({ grade: 'gradeRequired', report: 'required' });
    const saved = await saveEvaluation(db(), staff, {
      evaluationId: e.id,
      version: e.version,
      grade: 'EXCELLENT',
      report: '建设成效显著，开放共享良好。',
      nextPeriodYears: 3,
    });
    // First evaluation: the base is the award per year, 900 万元 over 36 months = 300 万元; EXCELLENT → +20 %.
    expect(saved.proposal).toEqual({ decision: 'INCREASE', fenPerYear: 360n * WAN, basisFen: 300n * WAN });
    e = await db().platformEvaluation.findUniqueOrThrow({ where: { id: opened.id } });
    // Another amount needs a reason.
    const noReason = await expectDomainError(
      decideEvaluation(db(), staff, {
        evaluationId: e.id,
        version: e.version,
        overrideWan: 400n * WAN,
        overrideReason: null,
      }),
      'VALIDATION',
    );
    expect(noReason.fieldErrors).toEqual({ overrideReason: 'overrideReasonRequired' });
    const fiscalBefore = await db().tranche.count({ where: { projectId: f.projectId, source: 'FISCAL' } });
    const decided = await decideEvaluation(db(), staff, {
      evaluationId: e.id,
      version: e.version,
      overrideWan: 380n * WAN,
      overrideReason: '承担市级重大任务，适当增加。',
    });
    expect(decided).toMatchObject({
      decision: 'INCREASE',
      fenPerYear: 380n * WAN,
      platformStatus: 'ACTIVE',
      tranches: 3,
    });
    // The same click again: already decided.
    await expectDomainError(
      decideEvaluation(db(), staff, {
        evaluationId: e.id,
        version: e.version,
        overrideWan: null,
        overrideReason: null,
      }),
      'STALE',
    );

    const platform = await db().platform.findUniqueOrThrow({ where: { id: f.platformId } });
    expect(platform).toMatchObject({
      status: 'ACTIVE',
      currentGrade: 'EXCELLENT',
      stableSupportFenPerYear: 380n * WAN,
    });
    const support = await db().tranche.findMany({
      where: { projectId: f.projectId, source: 'FISCAL', ordinal: { gt: STABLE_SUPPORT_ORDINAL_BASE } },
      orderBy: { ordinal: 'asc' },
    });
    expect(support.map((t) => [t.ordinal, t.status, t.amountFen, t.plannedDate.toISOString().slice(0, 10)])).toEqual([
      [1001, 'PLANNED', 380n * WAN, `${p0.establishedOn.getUTCFullYear() + 3}-01-01`],
      [1002, 'PLANNED', 380n * WAN, `${p0.establishedOn.getUTCFullYear() + 4}-01-01`],
      [1003, 'PLANNED', 380n * WAN, `${p0.establishedOn.getUTCFullYear() + 5}-01-01`],
    ]);
    expect(await db().tranche.count({ where: { projectId: f.projectId, source: 'FISCAL' } })).toBe(fiscalBefore + 3);
    // Staff can approve stable support although the task book's fiscal plan never had it: the evaluation is its
    // authority. Money still follows accounts: the year before must have its expenditure report accepted.
    const first = support[0]!;
    const beforeReport = await expectDomainError(
      approveTranche(db(), staff, { trancheId: first.id, version: first.version }),
      'CONFLICT',
    );
    expect(beforeReport.messageKey).toBe('previousReportNotAccepted');
    await db().expenditureReport.create({
      data: {
        projectId: f.projectId,
        year: first.plannedDate.getUTCFullYear() - 1,
        mode: 'SIMPLIFIED',
        totalSpentFen: 0n,
        status: 'ACCEPTED',
      },
    });
    await db().tranche.updateMany({
      where: { projectId: f.projectId, ordinal: { lte: STABLE_SUPPORT_ORDINAL_BASE }, status: 'PLANNED' },
      data: { status: 'APPROVED' },
    });
    expect(await approveTranche(db(), staff, { trancheId: first.id, version: first.version })).toEqual({
      id: first.id,
      status: 'APPROVED',
    });
    expect(await auditActions(e.id)).toEqual([
      'platform_evaluation.open',
      'platform_evaluation.save',
      'platform_evaluation.decide',
    ]);
    // The decision, the platform and the tranches were written together, with the audit events in between.
    const events = await db().auditEvent.findMany({
      where: { OR: [{ entityId: e.id }, { entityId: f.projectId, action: 'tranche.plan' }] },
      orderBy: { id: 'asc' },
      select: { action: true, summary: true },
    });
    expect(events.map((x) => x.action).slice(-2)).toEqual(['tranche.plan', 'platform_evaluation.decide']);
    expect(events.at(-1)!.summary).toMatchObject({
      overrideReason: '承担市级重大任务，适当增加。',
      proposedWan: '360',
    });
    const record = await getPlatform(db(), office, f.platformId);
    expect(record.stableSupportTranches).toHaveLength(3);

    // The next evaluation starts from the current support: FAIL stops it and suspends the platform, planning nothing.
    const second = await openEvaluation(db(), staff, {
      platformId: f.platformId,
      version: platform.version,
      periodFrom: `${p0.establishedOn.getUTCFullYear() + 3}-01-01`,
      periodTo: `${p0.establishedOn.getUTCFullYear() + 5}-12-31`,
    });
    let e2 = await db().platformEvaluation.findUniqueOrThrow({ where: { id: second.id } });
    await saveEvaluation(db(), staff, {
      evaluationId: e2.id,
      version: e2.version,
      grade: 'FAIL',
      report: '未达建设目标。',
      nextPeriodYears: 3,
    });
    e2 = await db().platformEvaluation.findUniqueOrThrow({ where: { id: second.id } });
    expect(e2).toMatchObject({ supportDecision: 'STOP', nextPeriodFenPerYear: 0n });
    const stop = await decideEvaluation(db(), staff, {
      evaluationId: e2.id,
      version: e2.version,
      overrideWan: null,
      overrideReason: null,
    });
    expect(stop).toMatchObject({ decision: 'STOP', fenPerYear: 0n, platformStatus: 'SUSPENDED', tranches: 0 });
    expect(await db().tranche.count({ where: { projectId: f.projectId, source: 'FISCAL' } })).toBe(fiscalBefore + 3);
  });

  it('plans no money on a project that is not running', async () => {
    const f = await fundedPlatform();
    const p = await db().platform.findUniqueOrThrow({ where: { id: f.platformId } });
    const from = p.establishedOn.toISOString().slice(0, 10);
    const { id } = await openEvaluation(db(), staff, {
      platformId: f.platformId,
      version: p.version,
      periodFrom: from,
      periodTo: from,
    });
    let e = await db().platformEvaluation.findUniqueOrThrow({ where: { id } });
    await saveEvaluation(db(), staff, {
      evaluationId: id,
      version: e.version,
      grade: 'GOOD',
      report: '良好。',
      nextPeriodYears: 2,
    });
    e = await db().platformEvaluation.findUniqueOrThrow({ where: { id } });
    await expectDomainError(
      decideEvaluation(db(), staff, { evaluationId: id, version: e.version, overrideWan: null, overrideReason: null }),
      'CONFLICT',
    );
    // Nothing moved: the evaluation is still a draft and the platform still under evaluation.
    expect((await db().platformEvaluation.findUniqueOrThrow({ where: { id } })).status).toBe('DRAFT');
    expect((await db().platform.findUniqueOrThrow({ where: { id: f.platformId } })).status).toBe('UNDER_EVALUATION');
    expect(await auditActions(id)).toEqual(['platform_evaluation.open', 'platform_evaluation.save']);
  });

  it('refuses a period before establishment, and is the commission staff’s alone', async () => {
    const f = await fundedPlatform();
    const p = await db().platform.findUniqueOrThrow({ where: { id: f.platformId } });
    const bad = await expectDomainError(
      openEvaluation(db(), staff, {
        platformId: f.platformId,
        version: p.version,
        periodFrom: '2000-01-01',
        periodTo: '1999-01-01',
      }),
      'VALIDATION',
    );
    expect(bad.fieldErrors).toEqual({ periodTo: 'endsBeforeStart', periodFrom: 'periodBeforeEstablished' });
    await expectDomainError(
      openEvaluation(db(), office, {
        platformId: f.platformId,
        version: p.version,
        periodFrom: '2030-01-01',
        periodTo: '2030-12-31',
      }),
      'FORBIDDEN',
    );
    expect((await db().platform.findUniqueOrThrow({ where: { id: f.platformId } })).status).toBe('ACTIVE');
  });
});
