import { beforeAll, describe, expect, it } from 'vitest';
import { ZApproveNonConsensus, ZDraftDecision, ZPublishDecisions } from '@/lib/validation/decisions';
import type { Actor } from '@/server/auth/actor';
import { db } from '@/server/db';
import {
  approveNonConsensus,
  draftDecision,
  getDecisionDesk,
  getPublishedDecisionForApplication,
  listDecisionCalls,
  listNonConsensusDecisions,
} from '@/server/decisions/decisions';
import { closeDueNotices } from '@/server/decisions/finalise';
import { publishDecisions } from '@/server/decisions/publish';
import {
  applicationAt,
  callOf,
  horseRaceChallenge,
  JUSTIFICATION,
  REASONS,
  routedFlag,
  secondStaff,
  userId,
  WAN,
} from './decision-fixtures';
import { actorFor, auditActions, DEMO, expectDomainError, seed } from './helpers';

// 立项决定: drafting within the rules (stage, award within the request, reasons), the non-consensus route's four eyes
// with the credit snapshot, and releasing a call's batch whole (every application decided, a 赛马制 challenge's team
// count, approvals) together with its notice.

let staff: Actor;
let staff2: Actor;
let researcher: Actor;
let office: Actor;

const NOW = new Date('2026-09-29T02:00:00Z'); // Tuesday 10:00 Beijing, just before 国庆

const draft = (applicationId: string, overrides: Record<string, unknown> = {}) =>
  ZDraftDecision.parse({
    applicationId,
    version: 0,
    outcome: 'FUND',
    route: 'RANKING',
    awardedWan: '60',
    conditions: '',
    reasons: REASONS,
    ...overrides,
  });

const publishInput = (callId: string) =>
  ZPublishDecisions.parse({ callId, title: '2026年度立项公示', body: '现予公示。', workingDays: 5 });

const liveDecision = (applicationId: string) =>
  db().decision.findFirst({ where: { applicationId, status: { not: 'REVISED' } } });

beforeAll(async () => {
  await seed();
  staff = await actorFor(DEMO.staff, 'COMMISSION_STAFF');
  staff2 = await secondStaff();
  researcher = await actorFor(DEMO.researcher, 'RESEARCHER');
  office = await actorFor(DEMO.office, 'INSTITUTION_OFFICE');
});

describe('drafting a decision', () => {
  it('creates a draft, re-drafts it under its version, and audits both', async () => {
    const call = await callOf('GEN');
    const app = await applicationAt(call, { requestedWan: 80 });
    const { id } = await draftDecision(
      db(),
      staff,
      draft(app.id, { awardedWan: '55.5', conditions: '须补充伦理审查。' }),
    );
    const row = await db().decision.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({
      status: 'DRAFT',
      outcome: 'FUND',
      awardedFiscalFen: 55_500_000n,
      conditions: '须补充伦理审查。',
      decidedById: staff.userId,
      callId: call.id,
    });
    await draftDecision(db(), staff2, draft(app.id, { version: row.version, outcome: 'WAITLIST', awardedWan: '' }));
    const redrafted = await db().decision.findUniqueOrThrow({ where: { id } });
    expect(redrafted).toMatchObject({
      outcome: 'WAITLIST',
      awardedFiscalFen: null,
      conditions: null,
      version: row.version + 1,
      decidedById: staff2.userId,
    });
    expect(await auditActions(id)).toEqual(['decision.create', 'decision.update']);
    // A form loaded before that re-draft is stale: nothing is overwritten.
    await expectDomainError(draftDecision(db(), staff, draft(app.id, { version: row.version })), 'STALE');
    expect((await db().decision.findUniqueOrThrow({ where: { id } })).outcome).toBe('WAITLIST');
  });

  it('refuses an award above the fiscal request on the amount field, and writes nothing', async () => {
    const call = await callOf('GEN');
    const app = await applicationAt(call, { requestedWan: 80 });
    const error = await expectDomainError(
      draftDecision(db(), staff, draft(app.id, { awardedWan: '80.01' })),
      'VALIDATION',
    );
    expect(error.fieldErrors).toEqual({ awardedWan: 'awardAboveRequest' });
    const missing = await expectDomainError(
      draftDecision(db(), staff, draft(app.id, { awardedWan: '' })),
      'VALIDATION',
    );
    expect(missing.fieldErrors).toEqual({ awardedWan: 'required' });
    const rejectWithMoney = await expectDomainError(
      draftDecision(db(), staff, draft(app.id, { outcome: 'REJECT', awardedWan: '10' })),
      'VALIDATION',
    );
    expect(rejectWithMoney.fieldErrors).toEqual({ awardedWan: 'awardWithoutFunding' });
    expect(await db().decision.count({ where: { applicationId: app.id } })).toBe(0);
    // Exactly the request is fine.
    await draftDecision(db(), staff, draft(app.id, { awardedWan: '80' }));
    expect((await liveDecision(app.id))?.awardedFiscalFen).toBe(80n * WAN);
  });

  it('checks the reasons in the schema the form shares', () => {
    const parsed = ZDraftDecision.safeParse({
      applicationId: '0190a0a0-0000-7000-8000-000000000000',
      version: 0,
      outcome: 'FUND',
      route: 'RANKING',
      awardedWan: '60',
      reasons: '太短',
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['reasons']);
  });

  it('refuses an application not at the decision stage: after review without a panel, after the panel with one', async () => {
    const gen = await callOf('GEN');
    const early = await applicationAt(gen, { status: 'FORMAL_CHECK_PASSED' });
    const e1 = await expectDomainError(draftDecision(db(), staff, draft(early.id)), 'CONFLICT');
    expect(e1.messageKey).toBe('reviewNotDone');
    const key = await callOf('KEY');
    const notPanelled = await applicationAt(key, { status: 'UNDER_REVIEW' });
    const e2 = await expectDomainError(draftDecision(db(), staff, draft(notPanelled.id)), 'CONFLICT');
    expect(e2.messageKey).toBe('panelNotDone');
    const panelled = await applicationAt(key, { status: 'PANEL' });
    await draftDecision(db(), staff, draft(panelled.id));
    expect(
      await db().decision.count({ where: { applicationId: { in: [early.id, notPanelled.id, panelled.id] } } }),
    ).toBe(1);
  });

  it('answers NOT_FOUND for an application that does not exist', async () => {
    await expectDomainError(draftDecision(db(), staff, draft('0190a0a0-0000-7000-8000-000000000000')), 'NOT_FOUND');
  });
});

describe('the non-consensus route', () => {
  it('is open only to a flag routed in review', async () => {
    const call = await callOf('GEN');
    const app = await applicationAt(call);
    const error = await expectDomainError(
      draftDecision(db(), staff, draft(app.id, { route: 'NON_CONSENSUS' })),
      'VALIDATION',
    );
    expect(error.fieldErrors).toEqual({ route: 'notRoutedAsNonConsensus' });
  });

  it('takes a second member of staff: the proposer is refused, the other approves with the experts and credit record', async () => {
    const call = await callOf('GEN');
    const app = await applicationAt(call);
    const flag = await routedFlag(app, ['expert2@demo.jingyan.cn', 'expert3@demo.jingyan.cn', DEMO.intlExpert]);
    // An expired sanction: it does not bar, but the snapshot keeps it.
    await db().creditRecord.create({
      data: {
        userId: app.applicantId,
        finding: '2019年论文署名不规范，已整改。',
        decidedBy: '北京工业大学学术委员会',
        startsOn: new Date('2019-01-01T00:00:00Z'),
        endsOn: new Date('2020-01-01T00:00:00Z'),
        recordedById: staff.userId,
      },
    });
    const { id } = await draftDecision(db(), staff, draft(app.id, { route: 'NON_CONSENSUS' }));
    const version = (await db().decision.findUniqueOrThrow({ where: { id } })).version;
    const input = ZApproveNonConsensus.parse({ decisionId: id, version, justification: JUSTIFICATION });

    const same = await expectDomainError(approveNonConsensus(db(), staff, input, NOW), 'VALIDATION');
    expect(same.messageKey).toBe('approverIsProposer');
    expect(await db().nonConsensusApproval.count({ where: { decisionId: id } })).toBe(0);

    const short = await expectDomainError(
      approveNonConsensus(db(), staff2, { ...input, justification: '理由太短。' }, NOW),
      'VALIDATION',
    );
    expect(short.fieldErrors).toEqual({ justification: 'tooShort?min=50' });

    await approveNonConsensus(db(), staff2, input, NOW);
    const approval = await db().nonConsensusApproval.findUniqueOrThrow({ where: { decisionId: id } });
    expect(approval).toMatchObject({ proposedById: staff.userId, approverId: staff2.userId, flagId: flag.id });
    expect(new Set(approval.nominatingExpertIds)).toEqual(
      new Set([await userId('expert2@demo.jingyan.cn'), await userId('expert3@demo.jingyan.cn')]),
    );
    const snapshot = approval.creditSnapshot as {
      sanctionInForce: boolean;
      records: { finding: string; status: string }[];
    };
    expect(snapshot.sanctionInForce).toBe(false);
    expect(snapshot.records).toEqual([
      expect.objectContaining({ finding: '2019年论文署名不规范，已整改。', status: 'EXPIRED' }),
    ]);
    expect(await auditActions(id)).toEqual(['decision.create', 'decision.approve_non_consensus']);

    // Approved means frozen, and approved once.
    await expectDomainError(approveNonConsensus(db(), staff2, { ...input, version: version + 1 }, NOW), 'CONFLICT');
    await expectDomainError(
      draftDecision(db(), staff, draft(app.id, { version: version + 1, route: 'NON_CONSENSUS', awardedWan: '10' })),
      'CONFLICT',
    );

    const report = await listNonConsensusDecisions(db(), staff);
    const row = report.find((r) => r.id === id);
    expect(row?.approval).toMatchObject({ approverName: '吴静', creditRecords: 1, sanctionInForce: false });
    expect(row?.proposerName).toBe('陈立');
    expect(row?.approval?.nominatingExperts.sort()).toEqual(['王磊', '黄丽'].sort());
  });

  it('refuses an applicant under a sanction in force', async () => {
    const call = await callOf('GEN');
    const app = await applicationAt(call, { piEmail: 'qian.feng@demo.jingyan.cn' });
    await routedFlag(app, ['expert2@demo.jingyan.cn', 'expert3@demo.jingyan.cn']);
    await db().creditRecord.create({
      data: {
        userId: app.applicantId,
        finding: '数据造假。',
        decidedBy: '市教委',
        startsOn: new Date('2026-01-01T00:00:00Z'),
        endsOn: new Date('2029-01-01T00:00:00Z'),
        recordedById: staff.userId,
      },
    });
    const { id } = await draftDecision(db(), staff, draft(app.id, { route: 'NON_CONSENSUS' }));
    const version = (await db().decision.findUniqueOrThrow({ where: { id } })).version;
    const error = await expectDomainError(
      approveNonConsensus(db(), staff2, { decisionId: id, version, justification: JUSTIFICATION }, NOW),
      'VALIDATION',
    );
    expect(error.messageKey).toBe('applicantSanctioned');
    expect(await db().nonConsensusApproval.count({ where: { decisionId: id } })).toBe(0);
  });
});

describe('publishing a call’s decisions', () => {
  it('is refused while one application is undecided, and changes nothing', async () => {
    const call = await callOf('GEN');
    const a = await applicationAt(call);
    await applicationAt(call);
    await draftDecision(db(), staff, draft(a.id));
    const error = await expectDomainError(publishDecisions(db(), staff, publishInput(call.id), NOW), 'VALIDATION');
    expect(error.messageKey).toBe('undecidedApplications');
    expect(error.params).toEqual({ count: 1 });
    expect((await liveDecision(a.id))?.status).toBe('DRAFT');
    expect(await db().notice.count({ where: { callId: call.id } })).toBe(0);
  });

  it('is refused when nothing is drafted', async () => {
    const call = await callOf('GEN');
    const error = await expectDomainError(publishDecisions(db(), staff, publishInput(call.id), NOW), 'CONFLICT');
    expect(error.messageKey).toBe('noDraftDecisions');
  });

  it('holds a 赛马制 challenge to its team count', async () => {
    const call = await callOf('KEY');
    const challenge = await horseRaceChallenge(call.id, 2);
    const teams = [];
    for (let i = 0; i < 3; i++) teams.push(await applicationAt(call, { status: 'PANEL', challengeId: challenge.id }));
    for (const t of teams) await draftDecision(db(), staff, draft(t.id));
    const error = await expectDomainError(publishDecisions(db(), staff, publishInput(call.id), NOW), 'VALIDATION');
    expect(error.messageKey).toBe('tooManyTeamsFunded');
    expect(error.params).toEqual({ max: 2, count: 3 });
    // Two teams in parallel is what the challenge allows.
    const third = await liveDecision(teams[2]!.id);
    await draftDecision(
      db(),
      staff,
      draft(teams[2]!.id, { version: third!.version, outcome: 'WAITLIST', awardedWan: '' }),
    );
    const { items } = await publishDecisions(db(), staff, publishInput(call.id), NOW);
    expect(items).toBe(2);
  });

  it('is refused while a non-consensus FUND lacks its second approval', async () => {
    const call = await callOf('GEN');
    const app = await applicationAt(call);
    await routedFlag(app, ['expert2@demo.jingyan.cn', 'expert3@demo.jingyan.cn']);
    await draftDecision(db(), staff, draft(app.id, { route: 'NON_CONSENSUS' }));
    const error = await expectDomainError(publishDecisions(db(), staff, publishInput(call.id), NOW), 'VALIDATION');
    expect(error.messageKey).toBe('nonConsensusNotApproved');
  });

  it('releases the whole batch into an open notice: FUND decisions as items, the period in working days', async () => {
    const call = await callOf('GEN');
    const funded = await applicationAt(call, { requestedWan: 100 });
    const rejected = await applicationAt(call, { piEmail: DEMO.expert });
    await draftDecision(db(), staff, draft(funded.id, { awardedWan: '90' }));
    await draftDecision(db(), staff, draft(rejected.id, { outcome: 'REJECT', awardedWan: '' }));

    // Before release, nobody outside the commission sees a thing.
    expect(await getPublishedDecisionForApplication(db(), researcher, funded.id)).toBeNull();

    const result = await publishDecisions(db(), staff, publishInput(call.id), NOW);
    // 09-29 and 09-30, then 国庆 (10-01 to 10-07), 10-08, 10-09 and the 调休 Saturday 10-10.
    expect(result).toMatchObject({ published: 2, items: 1, startsOn: '2026-09-29', endsOn: '2026-10-10' });
    const notice = await db().notice.findUniqueOrThrow({ where: { id: result.noticeId }, include: { items: true } });
    expect(notice).toMatchObject({ status: 'OPEN', workingDays: 5, publishedAt: NOW });
    expect(notice.endsOn?.toISOString().slice(0, 10)).toBe('2026-10-10');
    expect(notice.items).toEqual([
      expect.objectContaining({
        applicationCode: funded.code,
        projectTitle: funded.title,
        piName: '王建国',
        institutionName: '北京工业大学',
        amountFen: 90n * WAN,
      }),
    ]);
    for (const app of [funded, rejected]) {
      const d = await liveDecision(app.id);
      expect(d).toMatchObject({ status: 'IN_NOTICE', noticeId: notice.id, publishedAt: NOW });
      expect(await auditActions(d!.id)).toEqual(['decision.create', 'decision.publish']);
    }
    expect(await auditActions(notice.id)).toEqual(['notice.publish']);
    // Released decisions are no longer drafts: re-drafting is refused.
    const released = await liveDecision(funded.id);
    const error = await expectDomainError(
      draftDecision(db(), staff, draft(funded.id, { version: released!.version })),
      'CONFLICT',
    );
    expect(error.messageKey).toBe('decisionReleased');

    // The applicant and their office see it; another institution's office and another researcher do not.
    expect(await getPublishedDecisionForApplication(db(), researcher, funded.id)).toMatchObject({
      status: 'IN_NOTICE',
      outcome: 'FUND',
      awardedFiscalFen: 90n * WAN,
    });
    expect(await getPublishedDecisionForApplication(db(), office, funded.id)).toMatchObject({ outcome: 'FUND' });
    expect(await getPublishedDecisionForApplication(db(), staff, rejected.id)).toMatchObject({ outcome: 'REJECT' });
    await expectDomainError(getPublishedDecisionForApplication(db(), office, rejected.id), 'NOT_FOUND'); // 北航
    await expectDomainError(getPublishedDecisionForApplication(db(), researcher, rejected.id), 'NOT_FOUND');

    // The desk shows the batch as released, nothing left to publish.
    const desk = await getDecisionDesk(db(), staff, call.id);
    expect(desk.rows.map((r) => r.decision?.status)).toEqual(['IN_NOTICE', 'IN_NOTICE']);
    expect(desk.publish).toEqual({ drafts: 0, awaiting: 0, issues: [] });
    const calls = await listDecisionCalls(db(), staff);
    expect(calls.find((c) => c.id === call.id)?.decisions).toEqual({ IN_NOTICE: 2 });

    // While on notice there is no project to open; once the notice closes, the PI and the office reach it from here.
    expect((await getPublishedDecisionForApplication(db(), researcher, funded.id))?.project).toBeNull();
    await closeDueNotices(db(), new Date('2026-10-10T16:00:00Z'));
    const final = await getPublishedDecisionForApplication(db(), researcher, funded.id);
    const project = await db().project.findUniqueOrThrow({ where: { applicationId: funded.id } });
    expect(final).toMatchObject({ status: 'FINAL', project: { id: project.id, code: project.code } });
    expect((await getPublishedDecisionForApplication(db(), office, funded.id))?.project?.id).toBe(project.id);
    expect((await getPublishedDecisionForApplication(db(), staff, rejected.id))?.project).toBeNull();
  });

  it('ranks the desk by review score and shows what publishing would refuse', async () => {
    const call = await callOf('GEN');
    const low = await applicationAt(call);
    const high = await applicationAt(call);
    for (const [app, rank] of [
      [low, 2],
      [high, 1],
    ] as const) {
      await db().scoreNormalisation.create({
        data: {
          applicationId: app.id,
          callId: call.id,
          stage: 'MAIL',
          reviewCount: 3,
          rawMean: 8 - rank,
          weightedMean: 8 - rank,
          normalisedMean: 0,
          rank,
          percentileBp: 5000,
          minScore: 5,
          maxScore: 9,
          range: 4,
          stdDev: 1,
          computedAt: NOW,
        },
      });
    }
    await draftDecision(db(), staff, draft(high.id));
    const desk = await getDecisionDesk(db(), staff, call.id);
    expect(desk.rows.map((r) => r.id)).toEqual([high.id, low.id]);
    expect(desk.rows[0]).toMatchObject({ rank: 1, weightedMean: 7, requestedFiscalFen: 80n * WAN, ready: true });
    expect(desk.publish.issues).toEqual([{ field: 'decisions', code: 'undecidedApplications', params: { count: 1 } }]);
    await expectDomainError(getDecisionDesk(db(), staff, '0190a0a0-0000-7000-8000-000000000000'), 'NOT_FOUND');
  });
});
