import { beforeAll, describe, expect, it } from 'vitest';
import { type Role } from '@/domain/auth/roles';
import { ZDraftDecision, ZFileObjection, ZPublishDecisions } from '@/lib/validation/decisions';
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
import {
  dismissObjection,
  getNoticeForStaff,
  listNoticesForStaff,
  runNoticeSweep,
  startObjectionReview,
  upholdObjection,
} from '@/server/decisions/notices';
import { fileObjection, getPublicNotice, listPublicNotices } from '@/server/decisions/public-notices';
import { publishDecisions } from '@/server/decisions/publish';
import { applicationAt, callOf, JUSTIFICATION, REASONS, routedFlag, secondStaff, WAN } from './decision-fixtures';
import { describeMatrix, matrixActors, type MatrixOperation } from './authorization-matrix';
import { DEMO, seed } from './helpers';

// Every decision / notice server function × every role: allowed exactly when the permission matrix says so; a denied
// call fails with FORBIDDEN before touching data. Each allowed call gets a record in a state it can act on. The public
// functions (the notice pages and filing an objection) need no permission: every role, like an anonymous visitor, is
// allowed. Not entry points: publishBatch (the desk's and publish's shared query), finaliseDecision and
// closeDueNotices (the system sweep that runNoticeSweep authorizes).

const actors = {} as Record<Role, Actor>;
let staff2: Actor;
let shared: { callId: string; noticeId: string; itemId: string; applicationId: string };
let n = 0;

const draftInput = (applicationId: string) =>
  ZDraftDecision.parse({
    applicationId,
    version: 0,
    outcome: 'FUND',
    route: 'RANKING',
    awardedWan: '50',
    reasons: REASONS,
  });

/** A call whose one application is decided and released now: an open notice with one item. */
async function releasedNotice() {
  const call = await callOf('GEN');
  const app = await applicationAt(call);
  await draftDecision(db(), actors.COMMISSION_STAFF, draftInput(app.id));
  const { noticeId } = await publishDecisions(
    db(),
    actors.COMMISSION_STAFF,
    ZPublishDecisions.parse({ callId: call.id, title: '立项公示', workingDays: 5 }),
  );
  const item = await db().noticeItem.findFirstOrThrow({ where: { noticeId } });
  return { callId: call.id, noticeId, itemId: item.id, applicationId: app.id };
}

async function objectionRow(status: 'FILED' | 'UNDER_REVIEW') {
  const { itemId } = await releasedNotice();
  return db().objection.create({
    data: { noticeItemId: itemId, filerName: '李明', filerPhone: '13800138000', content: '异议内容。', status },
  });
}

/** A non-consensus FUND draft proposed by the second member of staff, so the demo staff account may approve it. */
async function nonConsensusDraft() {
  const call = await callOf('GEN');
  const app = await applicationAt(call);
  await routedFlag(app, ['expert2@demo.jingyan.cn', 'expert3@demo.jingyan.cn']);
  return db().decision.create({
    data: {
      applicationId: app.id,
      callId: call.id,
      outcome: 'FUND',
      route: 'NON_CONSENSUS',
      awardedFiscalFen: 50n * WAN,
      reasons: REASONS,
      decidedById: staff2.userId,
    },
  });
}

beforeAll(async () => {
  await seed();
  Object.assign(actors, await matrixActors());
  staff2 = await secondStaff();
  shared = await releasedNotice();
});

type Op = MatrixOperation;

const OPERATIONS: Op[] = [
  { name: 'listDecisionCalls', permission: 'manage:decision:all', run: (a) => listDecisionCalls(db(), a) },
  { name: 'getDecisionDesk', permission: 'manage:decision:all', run: (a) => getDecisionDesk(db(), a, shared.callId) },
  {
    name: 'draftDecision',
    permission: 'manage:decision:all',
    run: async (a) => {
      const app = await applicationAt(await callOf('GEN'));
      return draftDecision(db(), a, draftInput(app.id));
    },
  },
  {
    name: 'approveNonConsensus',
    permission: 'manage:decision:all',
    run: async (a) => {
      const d = await nonConsensusDraft();
      return approveNonConsensus(db(), a, { decisionId: d.id, version: d.version, justification: JUSTIFICATION });
    },
  },
  {
    name: 'listNonConsensusDecisions',
    permission: 'manage:decision:all',
    run: (a) => listNonConsensusDecisions(db(), a),
  },
  {
    name: 'getPublishedDecisionForApplication',
    permission: ['manage:decision:all', 'review:application:institution', 'create:application:own'],
    run: (a) => getPublishedDecisionForApplication(db(), a, shared.applicationId),
  },
  {
    name: 'publishDecisions',
    permission: { allOf: ['manage:decision:all', 'manage:notice:all'] },
    run: async (a) => {
      const call = await callOf('GEN');
      const app = await applicationAt(call);
      await draftDecision(db(), actors.COMMISSION_STAFF, draftInput(app.id));
      return publishDecisions(db(), a, ZPublishDecisions.parse({ callId: call.id, title: '公示', workingDays: 5 }));
    },
  },
  { name: 'runNoticeSweep', permission: 'manage:notice:all', run: (a) => runNoticeSweep(db(), a) },
  { name: 'listNoticesForStaff', permission: 'manage:notice:all', run: (a) => listNoticesForStaff(db(), a) },
  {
    name: 'getNoticeForStaff',
    permission: 'manage:notice:all',
    run: (a) => getNoticeForStaff(db(), a, shared.noticeId),
  },
  {
    name: 'startObjectionReview',
    permission: 'manage:notice:all',
    run: async (a) => {
      const o = await objectionRow('FILED');
      return startObjectionReview(db(), a, { objectionId: o.id, version: o.version });
    },
  },
  {
    name: 'upholdObjection',
    permission: { allOf: ['manage:notice:all', 'manage:decision:all'] },
    run: async (a) => {
      const o = await objectionRow('UNDER_REVIEW');
      return upholdObjection(db(), a, { objectionId: o.id, version: o.version, handlingNote: '经核查，异议成立。' });
    },
  },
  {
    name: 'dismissObjection',
    permission: 'manage:notice:all',
    run: async (a) => {
      const o = await objectionRow('UNDER_REVIEW');
      return dismissObjection(db(), a, { objectionId: o.id, version: o.version, handlingNote: '经核查，异议不成立。' });
    },
  },
  { name: 'listPublicNotices', permission: 'public', run: () => listPublicNotices(db()) },
  { name: 'getPublicNotice', permission: 'public', run: () => getPublicNotice(db(), shared.noticeId) },
  {
    name: 'fileObjection',
    permission: 'public',
    run: (a) =>
      fileObjection(
        db(),
        a,
        ZFileObjection.parse({
          noticeItemId: shared.itemId,
          filerName: '李明',
          filerEmail: 'liming@example.com',
          content: `第 ${++n} 条异议：请核查该项目负责人的代表作署名情况。`,
        }),
      ),
  },
];

describeMatrix(OPERATIONS, actors);

describe('scoping by the actor', () => {
  it('shows a released decision to its PI and their office only', async () => {
    const other = await applicationAt(await callOf('GEN'), { piEmail: DEMO.expert }); // 北京航空航天大学
    for (const role of ['RESEARCHER', 'INSTITUTION_OFFICE'] as const) {
      await expect(getPublishedDecisionForApplication(db(), actors[role], other.id)).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
    }
    await expect(getPublishedDecisionForApplication(db(), actors.COMMISSION_STAFF, other.id)).resolves.toBeNull();
    const office = { ...actors.INSTITUTION_OFFICE, institutionId: null };
    await expect(getPublishedDecisionForApplication(db(), office, shared.applicationId)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('never writes when a denied role calls', async () => {
    const o = await objectionRow('UNDER_REVIEW');
    await expect(
      upholdObjection(db(), actors.RESEARCHER, {
        objectionId: o.id,
        version: o.version,
        handlingNote: '经核查，异议成立。',
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await db().objection.findUniqueOrThrow({ where: { id: o.id } })).status).toBe('UNDER_REVIEW');
  });
});
