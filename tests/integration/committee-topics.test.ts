import { beforeAll, describe, expect, it } from 'vitest';
import { ZAddMember, ZConvertTopic, ZProposeTopic } from '@/lib/validation/committee';
import { addMember, createTerm, endMembership, listTerms, updateTerm } from '@/server/committee/terms';
import type { Actor } from '@/server/auth/actor';
import {
  convertTopic,
  decideTopic,
  getCurrentTerm,
  getTopicForMember,
  getTopicForStaff,
  listOwnTopics,
  listTopicsForMember,
  openTopicScoring,
  proposeTopic,
  scoreTopic,
  withdrawTopic,
} from '@/server/committee/topics';
import { getChallengeForEdit } from '@/server/challenges/challenges';
import { db } from '@/server/db';
import { DEMO_TERM } from '../../prisma/seed-committee';
import { actorFor, auditActions, DEMO, expectDomainError, seed } from './helpers';

// 选题: a bottom-up topic is proposed, its proposer sees only its status, two members of the running term score it
// (each sees the other's score only after submitting), staff select it once enough scores are in, and one action turns
// it into a draft challenge list linked both ways. Wrong states, a third party's topic and a member outside the term
// are refused, and nothing is written.

let staff: Actor;
let researcher: Actor;
let young: Actor;
let office: Actor;
let enterprise: Actor;
let chair: Actor;
let investor: Actor;
const NOW = new Date('2026-11-28T04:00:00Z');

const proposal = (overrides: Record<string, unknown> = {}) =>
  ZProposeTopic.parse({
    title: '面向量子精密测量的新型固态自旋体系',
    titleEn: '',
    fieldId: '',
    background: '固态自旋体系是量子精密测量的重要平台，现有体系相干时间受限。',
    goals: '发现并调控新型固态自旋体系，实现室温下长相干时间。',
    expectedImpact: '支撑北京量子信息领域的原始创新。',
    suggestedForm: 'CHALLENGE',
    ...overrides,
  });

beforeAll(async () => {
  await seed();
  [staff, researcher, young, office, enterprise, chair, investor] = await Promise.all([
    actorFor(DEMO.staff, 'COMMISSION_STAFF'),
    actorFor(DEMO.researcher, 'RESEARCHER'),
    actorFor(DEMO.young, 'RESEARCHER'),
    actorFor(DEMO.office, 'INSTITUTION_OFFICE'),
    actorFor(DEMO.enterprise, 'ENTERPRISE'),
    actorFor(DEMO.committee, 'COMMITTEE_MEMBER'),
    actorFor('committee2@demo.jingyan.cn', 'COMMITTEE_MEMBER'),
  ]);
});

describe('a bottom-up topic from proposal to a draft challenge list', () => {
  it('is scored by two members, selected, and converted in one step', async () => {
    const term = await getCurrentTerm(db(), staff, NOW);
    expect(term?.name).toBe(DEMO_TERM);
    expect(term?.members.map((m) => m.position).sort()).toEqual(['CHAIR', 'MEMBER']);

    const { id } = await proposeTopic(db(), researcher, proposal(), NOW);
    const row = await db().topicProposal.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ source: 'BOTTOM_UP', status: 'SUBMITTED', proposerInstitutionId: null });
    expect((await listOwnTopics(db(), researcher)).map((t) => t.id)).toContain(id);
    expect((await listOwnTopics(db(), young)).map((t) => t.id)).not.toContain(id);

    // Not open yet: members cannot score it, staff cannot decide it.
    await expectDomainError(getTopicForMember(db(), chair, id, NOW), 'NOT_FOUND');
    await openTopicScoring(db(), staff, { topicId: id, version: 1 });
    await expectDomainError(openTopicScoring(db(), staff, { topicId: id, version: 2 }), 'CONFLICT');

    // A score off the scale is refused on its field; a draft is kept; a double submit saves once.
    const bad = await expectDomainError(
      scoreTopic(db(), chair, { topicId: id, score: 11, comment: '很好', submit: true }, NOW),
      'VALIDATION',
    );
    expect(bad.fieldErrors).toEqual({ score: 'between?min=1&max=10' });
    await scoreTopic(db(), chair, { topicId: id, score: 8, comment: '方向重要，基础扎实。', submit: false }, NOW);
    expect((await listTopicsForMember(db(), chair, NOW)).topics.find((t) => t.id === id)?.mine).toEqual({
      score: 8,
      status: 'DRAFT',
    });
    // Only one submitted score so far: staff cannot decide.
    // Two submits at once (a double click): one is stored, the other is told it was already submitted.
    const both = await Promise.allSettled(
      [1, 2].map(() =>
        scoreTopic(db(), chair, { topicId: id, score: 9, comment: '方向重要，基础扎实。', submit: true }, NOW),
      ),
    );
    expect(both.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(await db().topicScore.count({ where: { proposalId: id } })).toBe(1);
    await expectDomainError(
      scoreTopic(db(), chair, { topicId: id, score: 5, comment: '改主意', submit: true }, NOW),
      'CONFLICT',
    );
    const early = await expectDomainError(
      decideTopic(db(), staff, { topicId: id, version: 2, decision: 'select', note: '委员评分较高。' }, NOW),
      'CONFLICT',
    );
    expect(early.messageKey).toBe('topicNeedsScores');

    // The investor does not see the chair's score before submitting, and does after.
    expect((await getTopicForMember(db(), investor, id, NOW)).others).toBeNull();
    await scoreTopic(db(), investor, { topicId: id, score: 6, comment: '产业前景需进一步论证。', submit: true }, NOW);
    expect((await getTopicForMember(db(), investor, id, NOW)).others).toEqual([
      { score: 9, comment: '方向重要，基础扎实。', member: { name: '赵永刚' } },
    ]);

    const view = await getTopicForStaff(db(), staff, id);
    expect(view).toMatchObject({ mean: 750, canDecide: true });
    await decideTopic(
      db(),
      staff,
      { topicId: id, version: 2, decision: 'select', note: '委员评分较高，予以入选。' },
      NOW,
    );
    expect(await db().topicProposal.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: 'SELECTED',
      scoreMeanCenti: 750,
      decidedById: staff.userId,
    });

    const field = await db().challengeField.findFirstOrThrow({ where: { code: 'AI', edition: { current: true } } });
    const created = await convertTopic(
      db(),
      staff,
      ZConvertTopic.parse({ topicId: id, version: 3, form: 'CHALLENGE', fieldId: field.id, fiscalWan: '500' }),
      NOW,
    );
    expect(created.kind).toBe('CHALLENGE');
    const challenge = await db().challenge.findUniqueOrThrow({ where: { id: created.id } });
    expect(challenge).toMatchObject({
      status: 'DRAFT',
      topicProposalId: id,
      issuerInstitutionId: null,
      fiscalFen: 500n * 1_000_000n,
      title: '面向量子精密测量的新型固态自旋体系',
    });
    expect((await getTopicForStaff(db(), staff, id)).challenges).toEqual([{ id: created.id, title: challenge.title }]);
    expect(await auditActions(id)).toEqual(['topic.submit', 'topic.open_scoring', 'topic.select', 'topic.convert']);
    expect(await auditActions(created.id)).toEqual(['challenge.create']);
    // Staff reach the topic from the challenge they complete.
    expect((await getChallengeForEdit(db(), staff, created.id)).topic).toEqual({ id, title: challenge.title });
    // Converted once.
    await expectDomainError(
      convertTopic(
        db(),
        staff,
        ZConvertTopic.parse({ topicId: id, version: 4, form: 'CHALLENGE', fieldId: field.id, fiscalWan: '500' }),
        NOW,
      ),
      'CONFLICT',
    );
  });

  it('turns a topic into a draft call of a program, and an office or enterprise proposes for its institution', async () => {
    const { id } = await proposeTopic(
      db(),
      office,
      proposal({ suggestedForm: 'CALL', title: '高校基础研究组织模式' }),
      NOW,
    );
    expect((await db().topicProposal.findUniqueOrThrow({ where: { id } })).proposerInstitutionId).toBe(
      office.institutionId,
    );
    const fromEnterprise = await proposeTopic(db(), enterprise, proposal({ title: '工业软件的数学基础' }), NOW);
    expect((await listOwnTopics(db(), enterprise)).map((t) => t.id)).toEqual([fromEnterprise.id]);
    await openTopicScoring(db(), staff, { topicId: id, version: 1 });
    for (const member of [chair, investor])
      await scoreTopic(db(), member, { topicId: id, score: 7, comment: '可行。', submit: true }, NOW);
    await decideTopic(db(), staff, { topicId: id, version: 2, decision: 'select', note: '入选。' }, NOW);
    const program = await db().program.findUniqueOrThrow({ where: { code: 'GEN' } });
    const created = await convertTopic(
      db(),
      staff,
      ZConvertTopic.parse({ topicId: id, version: 3, form: 'CALL', programId: program.id }),
      NOW,
    );
    expect(await db().call.findUniqueOrThrow({ where: { id: created.id } })).toMatchObject({
      status: 'DRAFT',
      topicProposalId: id,
      title: '高校基础研究组织模式',
      year: 2026,
    });
  });

  it('lets a proposer withdraw before scoring, and nobody else', async () => {
    const { id } = await proposeTopic(db(), researcher, proposal({ title: '待撤回的选题' }), NOW);
    await expectDomainError(withdrawTopic(db(), young, { topicId: id, version: 1 }), 'NOT_FOUND');
    await withdrawTopic(db(), researcher, { topicId: id, version: 1 });
    await expectDomainError(withdrawTopic(db(), researcher, { topicId: id, version: 2 }), 'CONFLICT');
    expect(await auditActions(id)).toEqual(['topic.submit', 'topic.withdraw']);
  });

  it('refuses a member whose membership has ended, and proposals when no term runs', async () => {
    const membership = await db().committeeMembership.findFirstOrThrow({ where: { userId: investor.userId } });
    await db().committeeMembership.update({ where: { id: membership.id }, data: { toDate: new Date('2026-06-30') } });
    try {
      await expectDomainError(listTopicsForMember(db(), investor, NOW), 'FORBIDDEN');
    } finally {
      await db().committeeMembership.update({ where: { id: membership.id }, data: { toDate: null } });
    }
    const before = await db().topicProposal.count();
    const late = await expectDomainError(
      proposeTopic(db(), researcher, proposal(), new Date('2035-01-01')),
      'CONFLICT',
    );
    expect(late.messageKey).toBe('noCommitteeTerm');
    expect(await db().topicProposal.count()).toBe(before);
  });

  it('rejects with a note that the proposer sees', async () => {
    const { id } = await proposeTopic(db(), young, proposal({ title: '评分不高的选题' }), NOW);
    await openTopicScoring(db(), staff, { topicId: id, version: 1 });
    for (const member of [chair, investor])
      await scoreTopic(db(), member, { topicId: id, score: 3, comment: '意义有限。', submit: true }, NOW);
    await decideTopic(db(), staff, { topicId: id, version: 2, decision: 'reject', note: '与已有布局重复。' }, NOW);
    expect((await listOwnTopics(db(), young)).find((t) => t.id === id)).toMatchObject({
      status: 'REJECTED',
      decisionNote: '与已有布局重复。',
    });
  });
});

describe('terms and members', () => {
  it('creates a term, appoints committee members with one chair at a time, and ends a membership', async () => {
    const bad = await expectDomainError(
      createTerm(db(), staff, {
        name: '测试届',
        startsOn: '2029-01-01',
        endsOn: '2028-01-01',
        scoreScaleMax: 10,
        minScoresToDecide: 2,
      }),
      'VALIDATION',
    );
    expect(bad.fieldErrors).toEqual({ endsOn: 'endBeforeStart' });
    const { id: termId } = await createTerm(db(), staff, {
      name: '第二届战略咨询专家委员会',
      startsOn: '2029-01-01',
      endsOn: '2031-12-31',
      scoreScaleMax: 5,
      minScoresToDecide: 3,
    });
    const member = (email: string, position: 'CHAIR' | 'MEMBER', fromDate = '2029-01-01') =>
      ZAddMember.parse({ termId, email, category: 'SCIENTIST', position, affiliation: '清华大学', fromDate });
    // Only people holding the committee-member role can be appointed.
    const notMember = await expectDomainError(addMember(db(), staff, member(DEMO.researcher, 'MEMBER')), 'VALIDATION');
    expect(notMember.fieldErrors).toEqual({ email: 'notCommitteeMember' });
    const { id: chairSeat } = await addMember(db(), staff, member(DEMO.committee, 'CHAIR'));
    const second = await expectDomainError(
      addMember(db(), staff, member('committee2@demo.jingyan.cn', 'CHAIR', '2028-06-01')),
      'VALIDATION',
    );
    expect(second.fieldErrors).toEqual({ fromDate: 'outsideTerm', position: 'oneChair' });
    await expectDomainError(addMember(db(), staff, member(DEMO.committee, 'MEMBER')), 'VALIDATION');
    // Once the chair's membership ends, another chair may be appointed.
    await endMembership(db(), staff, { membershipId: chairSeat, version: 1, toDate: '2030-06-30' });
    await addMember(db(), staff, member('committee2@demo.jingyan.cn', 'CHAIR', '2030-07-01'));
    const term = (await listTerms(db(), staff)).find((t) => t.id === termId)!;
    expect(term.members.map((m) => [m.user.name, m.position, m.toDate])).toEqual([
      ['赵永刚', 'CHAIR', '2030-06-30'],
      ['钟慧敏', 'CHAIR', null],
    ]);
    expect(await auditActions(termId)).toEqual(['committee_term.create']);
    expect(await auditActions(chairSeat)).toEqual(['committee_member.add', 'committee_member.end']);
  });

  it('edits a term: a fresh version each time, dates that hold its members, the scale fixed once scored', async () => {
    const settings = {
      name: '第三届战略咨询专家委员会',
      startsOn: '2032-01-01',
      endsOn: '2034-06-30',
      scoreScaleMax: 10,
      minScoresToDecide: 2,
    };
    const { id: termId } = await createTerm(db(), staff, settings);
    const seat = await addMember(
      db(),
      staff,
      ZAddMember.parse({
        termId,
        email: DEMO.committee,
        category: 'SCIENTIST',
        position: 'CHAIR',
        affiliation: '',
        fromDate: '2032-03-01',
      }),
    );
    const edit = (changes: Partial<typeof settings>, version: number) =>
      updateTerm(db(), staff, { termId, version, ...settings, ...changes });

    // Two tabs save the same version at once: one wins, the other is stale.
    const both = await Promise.allSettled([edit({ minScoresToDecide: 3 }, 1), edit({ minScoresToDecide: 4 }, 1)]);
    expect(both.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const lost = both.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(lost?.reason).toMatchObject({ code: 'STALE' });
    expect(await auditActions(termId)).toEqual(['committee_term.create', 'committee_term.update']);

    // The dates must still hold the chair's membership; another term's name is taken.
    const outside = await expectDomainError(edit({ startsOn: '2032-04-01', name: DEMO_TERM }, 2), 'VALIDATION');
    expect(outside.fieldErrors).toEqual({ startsOn: 'membersOutsideTerm', name: 'duplicate' });
    expect(await edit({ startsOn: '2031-07-01', endsOn: '2034-12-31', scoreScaleMax: 5 }, 2)).toEqual({ version: 3 });
    const saved = (await listTerms(db(), staff)).find((t) => t.id === termId)!;
    expect(saved).toMatchObject({ startsOn: '2031-07-01', endsOn: '2034-12-31', scoreScaleMax: 5, version: 3 });

    // A membership cannot end after the term does; a chair still serving on a new chair's first day blocks it.
    const late = await expectDomainError(
      endMembership(db(), staff, { membershipId: seat.id, version: 1, toDate: '2035-01-01' }),
      'VALIDATION',
    );
    expect(late.fieldErrors).toEqual({ toDate: 'outsideTerm' });
    await endMembership(db(), staff, { membershipId: seat.id, version: 1, toDate: '2033-06-30' });
    const overlap = await expectDomainError(
      addMember(
        db(),
        staff,
        ZAddMember.parse({
          termId,
          email: 'committee2@demo.jingyan.cn',
          category: 'INVESTOR',
          position: 'CHAIR',
          affiliation: '',
          fromDate: '2033-06-30',
        }),
      ),
      'VALIDATION',
    );
    expect(overlap.fieldErrors).toEqual({ position: 'oneChair' });

    // Once a member has scored a topic of the term, its scale stays; the demo term has scores from the tests above.
    const demo = await db().committeeTerm.findUniqueOrThrow({ where: { name: DEMO_TERM } });
    expect(await db().topicScore.count({ where: { proposal: { termId: demo.id } } })).toBeGreaterThan(0);
    const fixed = await expectDomainError(
      updateTerm(db(), staff, {
        termId: demo.id,
        version: demo.version,
        name: demo.name,
        startsOn: '2026-01-01',
        endsOn: '2028-12-31',
        scoreScaleMax: demo.scoreScaleMax + 1,
        minScoresToDecide: demo.minScoresToDecide,
      }),
      'VALIDATION',
    );
    expect(fixed.fieldErrors).toEqual({ scoreScaleMax: 'scaleFixedOnceScored' });
    expect(await auditActions(demo.id)).not.toContain('committee_term.update');
    expect(await auditActions(termId)).toEqual([
      'committee_term.create',
      'committee_term.update',
      'committee_term.update',
    ]);
  });
});
