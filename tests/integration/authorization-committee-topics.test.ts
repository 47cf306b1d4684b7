import { beforeAll, expect, it } from 'vitest';
import { type Role } from '@/domain/auth/roles';
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
  listTopicsForStaff,
  openTopicScoring,
  proposeTopic,
  scoreTopic,
  withdrawTopic,
} from '@/server/committee/topics';
import { db } from '@/server/db';
import { describeMatrix, matrixActors, type MatrixOperation } from './authorization-matrix';
import { DEMO, seed } from './helpers';

// Every server function of topic selection (选题) × every role, allowed exactly when the permission matrix says so.

const actors = {} as Record<Role, Actor>;
const fx = { submitted: '', scoring: '', fieldId: '' };

const proposal = ZProposeTopic.parse({
  title: '授权测试选题',
  titleEn: '',
  fieldId: '',
  background: '背景。',
  goals: '目标。',
  expectedImpact: '影响。',
  suggestedForm: 'CHALLENGE',
});

beforeAll(async () => {
  await seed();
  Object.assign(actors, await matrixActors());
  fx.submitted = (await proposeTopic(db(), actors.RESEARCHER, proposal)).id;
  fx.scoring = (await proposeTopic(db(), actors.RESEARCHER, proposal)).id;
  await openTopicScoring(db(), actors.COMMISSION_STAFF, { topicId: fx.scoring, version: 1 });
  fx.fieldId = (await db().challengeField.findFirstOrThrow({ where: { edition: { current: true } } })).id;
});

const OPERATIONS: MatrixOperation[] = [
  {
    name: 'getCurrentTerm',
    permission: ['manage:committee:all', 'serve:committee:own', 'propose:topic:own'],
    run: (a) => getCurrentTerm(db(), a),
  },
  {
    name: 'proposeTopic',
    permission: ['manage:committee:all', 'propose:topic:own'],
    run: (a) => proposeTopic(db(), a, proposal),
  },
  { name: 'listOwnTopics', permission: 'propose:topic:own', run: (a) => listOwnTopics(db(), a) },
  {
    name: 'withdrawTopic',
    permission: 'propose:topic:own',
    run: (a) => withdrawTopic(db(), a, { topicId: fx.submitted, version: 99 }),
  },
  { name: 'listTopicsForStaff', permission: 'manage:committee:all', run: (a) => listTopicsForStaff(db(), a) },
  { name: 'getTopicForStaff', permission: 'manage:committee:all', run: (a) => getTopicForStaff(db(), a, fx.scoring) },
  {
    name: 'openTopicScoring',
    permission: 'manage:committee:all',
    run: (a) => openTopicScoring(db(), a, { topicId: fx.submitted, version: 99 }),
  },
  {
    name: 'decideTopic',
    permission: 'manage:committee:all',
    run: (a) => decideTopic(db(), a, { topicId: fx.scoring, version: 99, decision: 'select', note: '说明' }),
  },
  {
    name: 'convertTopic',
    permission: { allOf: ['manage:committee:all', 'manage:challenge:all'] },
    run: (a) =>
      convertTopic(
        db(),
        a,
        ZConvertTopic.parse({
          topicId: fx.scoring,
          version: 99,
          form: 'CHALLENGE',
          fieldId: fx.fieldId,
          fiscalWan: '1',
        }),
      ),
  },
  { name: 'listTopicsForMember', permission: 'serve:committee:own', run: (a) => listTopicsForMember(db(), a) },
  { name: 'getTopicForMember', permission: 'serve:committee:own', run: (a) => getTopicForMember(db(), a, fx.scoring) },
  {
    name: 'scoreTopic',
    permission: 'serve:committee:own',
    run: (a) => scoreTopic(db(), a, { topicId: fx.scoring, score: 5, comment: '草稿', submit: false }),
  },
  { name: 'listTerms', permission: 'manage:committee:all', run: (a) => listTerms(db(), a) },
  {
    name: 'createTerm',
    permission: 'manage:committee:all',
    run: (a) =>
      createTerm(db(), a, {
        name: `授权测试届 ${a.role}`,
        startsOn: '2040-01-01',
        endsOn: '2042-12-31',
        scoreScaleMax: 10,
        minScoresToDecide: 2,
      }),
  },
  {
    name: 'updateTerm',
    permission: 'manage:committee:all',
    run: async (a) => {
      const term = await db().committeeTerm.findFirstOrThrow({ orderBy: { startsOn: 'asc' } });
      return updateTerm(db(), a, {
        termId: term.id,
        version: term.version,
        name: term.name,
        startsOn: term.startsOn.toISOString().slice(0, 10),
        endsOn: term.endsOn.toISOString().slice(0, 10),
        scoreScaleMax: term.scoreScaleMax,
        minScoresToDecide: term.minScoresToDecide,
      });
    },
  },
  {
    name: 'addMember',
    permission: 'manage:committee:all',
    run: async (a) =>
      addMember(
        db(),
        a,
        ZAddMember.parse({
          termId: (await db().committeeTerm.findFirstOrThrow()).id,
          email: DEMO.committee,
          category: 'SCIENTIST',
          position: 'MEMBER',
          affiliation: '',
          fromDate: '2026-01-01',
        }),
      ),
  },
  {
    name: 'endMembership',
    permission: 'manage:committee:all',
    run: async (a) =>
      endMembership(db(), a, {
        membershipId: (await db().committeeMembership.findFirstOrThrow()).id,
        version: 99,
        toDate: '2026-12-31',
      }),
  },
];

describeMatrix(OPERATIONS, actors, { refusalsPassTheMatrix: true, noWritesWhenDenied: true });

it('reaches the real rows for the roles the fixtures are meant for', async () => {
  await expect(getTopicForMember(db(), actors.COMMITTEE_MEMBER, fx.scoring)).resolves.toMatchObject({ id: fx.scoring });
  await expect(getTopicForStaff(db(), actors.COMMISSION_STAFF, fx.scoring)).resolves.toMatchObject({ id: fx.scoring });
  expect((await listOwnTopics(db(), actors.RESEARCHER)).map((t) => t.id)).toContain(fx.submitted);
});
