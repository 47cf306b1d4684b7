import 'server-only';
import type { z } from 'zod';
import {
  canTransitionTopic,
  checkTopicScore,
  enoughScores,
  meanScoreCenti,
  seesOtherScores,
  type TopicTransition,
} from '@/domain/committee/topic';
import { beijingDate, parseBeijingDateTime, suggestedCallWindow } from '@/domain/time';
import { can } from '@/domain/auth/permissions';
import { DomainError, notFound, stale } from '@/lib/errors';
import type { ZConvertTopic, ZDecideTopic, ZProposeTopic, ZScoreTopic, ZTopicRef } from '@/lib/validation/committee';
import type { Db, Tx } from '../db';
import type { Actor } from '../auth/actor';
import { actorInstitution, assertCan } from '../auth/authorize';
import { recordAudit } from '../audit/record-audit';
import { memberTerm, theCurrentTerm } from './membership';

// 选题 (issue 7, DATA-MODEL §2.14, §3.9). Topics belong to the committee's current term. Bottom-up proposers
// (researchers, institution offices, enterprises) see their own; staff propose top-down and run the selection; the
// term's members score. A selected topic becomes a draft challenge list or a draft call with one action, linked both
// ways (`topicProposalId`). Rules: src/domain/committee/topic.ts.

const UUID = /^[0-9a-f-]{36}$/i;

/** The current term, its members and settings, for the pages. Null when no term is running. */
export async function getCurrentTerm(client: Db, actor: Actor, now: Date = new Date()) {
  if (!can(actor.role, 'manage:committee:all') && !can(actor.role, 'serve:committee:own'))
    assertCan(actor, 'propose:topic:own');
  const term = await theCurrentTerm(client, now);
  if (!term) return null;
  const members = await client.committeeMembership.findMany({
    where: { termId: term.id },
    orderBy: [{ position: 'asc' }, { fromDate: 'asc' }],
    select: {
      id: true,
      category: true,
      position: true,
      affiliation: true,
      toDate: true,
      user: { select: { id: true, name: true } },
    },
  });
  return { ...term, members: can(actor.role, 'propose:topic:own') ? [] : members };
}

/** Proposers: researchers, offices and enterprises bottom-up; staff top-down. Into the current term. */
export async function proposeTopic(
  client: Db,
  actor: Actor,
  input: z.output<typeof ZProposeTopic>,
  now: Date = new Date(),
) {
  const staff = can(actor.role, 'manage:committee:all');
  if (!staff) assertCan(actor, 'propose:topic:own');
  const institutionId = actor.role === 'RESEARCHER' || staff ? null : actorInstitution(actor);
  return client.$transaction(async (tx) => {
    const term = await theCurrentTerm(tx, now);
    if (!term) throw new DomainError('CONFLICT', 'noCommitteeTerm');
    if (input.fieldId) {
      const field = await tx.challengeField.findFirst({ where: { id: input.fieldId, edition: { current: true } } });
      if (!field) throw new DomainError('VALIDATION', 'checkFields', { fieldId: 'fieldUnknown' });
    }
    const topic = await tx.topicProposal.create({
      data: {
        termId: term.id,
        source: staff ? 'TOP_DOWN' : 'BOTTOM_UP',
        proposerUserId: actor.userId,
        proposerInstitutionId: institutionId,
        title: input.title,
        titleEn: input.titleEn ?? '',
        fieldId: input.fieldId,
        background: input.background,
        goals: input.goals,
        expectedImpact: input.expectedImpact,
        suggestedForm: input.suggestedForm,
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      actor,
      action: 'topic.submit',
      entityType: 'TopicProposal',
      entityId: topic.id,
      summary: { to: 'SUBMITTED', source: staff ? 'TOP_DOWN' : 'BOTTOM_UP', title: input.title },
    });
    return topic;
  });
}

/** A proposer's own topics (an office or enterprise: its institution's), with their status — never who scored what. */
export async function listOwnTopics(client: Db, actor: Actor) {
  assertCan(actor, 'propose:topic:own');
  const where =
    actor.role === 'RESEARCHER'
      ? { proposerUserId: actor.userId, proposerInstitutionId: null }
      : { proposerInstitutionId: actorInstitution(actor) };
  return client.topicProposal.findMany({
    where,
    orderBy: { createdAt: 'desc' },
    select: {
      id: true,
      title: true,
      suggestedForm: true,
      status: true,
      version: true,
      createdAt: true,
      decisionNote: true,
      term: { select: { name: true } },
      proposer: { select: { name: true } },
    },
  });
}

/** The proposer takes a topic back before scoring opens. */
export async function withdrawTopic(client: Db, actor: Actor, input: z.output<typeof ZTopicRef>) {
  assertCan(actor, 'propose:topic:own');
  return client.$transaction(async (tx) => {
    const topic = await tx.topicProposal.findFirst({
      where: {
        id: input.topicId,
        ...(actor.role === 'RESEARCHER'
          ? { proposerUserId: actor.userId, proposerInstitutionId: null }
          : { proposerInstitutionId: actorInstitution(actor) }),
      },
      select: { id: true, status: true },
    });
    if (!topic) throw notFound();
    await move(tx, actor, topic, input.version, 'withdraw', 'PROPOSER');
    return { status: 'WITHDRAWN' as const };
  });
}

async function move(
  tx: Tx,
  actor: Actor,
  topic: { id: string; status: Parameters<typeof canTransitionTopic>[0] },
  version: number,
  transition: TopicTransition,
  by: 'STAFF' | 'PROPOSER',
  data: Record<string, unknown> = {},
  summary: Record<string, unknown> = {},
) {
  if (!canTransitionTopic(topic.status, transition, by)) throw new DomainError('CONFLICT', 'wrongState');
  const to = {
    open_scoring: 'SCORING',
    select: 'SELECTED',
    reject: 'REJECTED',
    convert: 'CONVERTED',
    withdraw: 'WITHDRAWN',
  } as const;
  const moved = await tx.topicProposal.updateMany({
    where: { id: topic.id, version, status: topic.status },
    data: { ...data, status: to[transition], version: { increment: 1 } },
  });
  if (moved.count === 0) throw stale();
  await recordAudit(tx, {
    actor,
    action: `topic.${transition}`,
    entityType: 'TopicProposal',
    entityId: topic.id,
    summary: { from: topic.status, to: to[transition], ...summary },
  });
}

const topicSelect = {
  id: true,
  title: true,
  titleEn: true,
  source: true,
  suggestedForm: true,
  status: true,
  version: true,
  background: true,
  goals: true,
  expectedImpact: true,
  decisionNote: true,
  decidedAt: true,
  scoreMeanCenti: true,
  createdAt: true,
  field: { select: { id: true, name: true, nameEn: true } },
  proposer: { select: { name: true } },
  proposerInstitution: { select: { name: true } },
  term: { select: { id: true, name: true, scoreScaleMax: true, minScoresToDecide: true } },
  calls: { select: { id: true, title: true } },
  challenges: { select: { id: true, title: true } },
} as const;

/** Staff: every topic, newest first, with its count of submitted scores. */
export async function listTopicsForStaff(client: Db, actor: Actor) {
  assertCan(actor, 'manage:committee:all');
  const topics = await client.topicProposal.findMany({
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    select: { ...topicSelect, _count: { select: { scores: { where: { status: 'SUBMITTED' } } } } },
  });
  return topics.map(({ _count, ...t }) => ({ ...t, submittedScores: _count.scores }));
}

/** Staff: one topic with every score and its author. */
export async function getTopicForStaff(client: Db, actor: Actor, topicId: string) {
  assertCan(actor, 'manage:committee:all');
  if (!UUID.test(topicId)) throw notFound();
  const topic = await client.topicProposal.findUnique({
    where: { id: topicId },
    select: {
      ...topicSelect,
      scores: {
        orderBy: { submittedAt: 'asc' },
        select: {
          id: true,
          score: true,
          comment: true,
          status: true,
          submittedAt: true,
          member: { select: { name: true } },
        },
      },
    },
  });
  if (!topic) throw notFound();
  const submitted = topic.scores.filter((s) => s.status === 'SUBMITTED');
  return {
    ...topic,
    scores: submitted,
    drafts: topic.scores.length - submitted.length,
    mean: meanScoreCenti(submitted.map((s) => s.score)),
    canDecide: topic.status === 'SCORING' && enoughScores(submitted.length, topic.term.minScoresToDecide),
  };
}

/** Staff open scoring: the term's members can now score it. */
export async function openTopicScoring(client: Db, actor: Actor, input: z.output<typeof ZTopicRef>) {
  assertCan(actor, 'manage:committee:all');
  return client.$transaction(async (tx) => {
    const topic = await tx.topicProposal.findUnique({
      where: { id: input.topicId },
      select: { id: true, status: true },
    });
    if (!topic) throw notFound();
    await move(tx, actor, topic, input.version, 'open_scoring', 'STAFF');
    return { status: 'SCORING' as const };
  });
}

/** Staff select or reject a topic in scoring, with a note, once the term's minimum of scores is in. */
export async function decideTopic(client: Db, actor: Actor, input: z.output<typeof ZDecideTopic>, now = new Date()) {
  assertCan(actor, 'manage:committee:all');
  return client.$transaction(async (tx) => {
    const topic = await tx.topicProposal.findUnique({
      where: { id: input.topicId },
      select: { id: true, status: true, term: { select: { minScoresToDecide: true } } },
    });
    if (!topic) throw notFound();
    const scores = await tx.topicScore.findMany({
      where: { proposalId: topic.id, status: 'SUBMITTED' },
      select: { score: true },
    });
    if (topic.status === 'SCORING' && !enoughScores(scores.length, topic.term.minScoresToDecide))
      throw new DomainError('CONFLICT', 'topicNeedsScores', undefined, {
        min: topic.term.minScoresToDecide,
        count: scores.length,
      });
    const mean = meanScoreCenti(scores.map((s) => s.score));
    await move(
      tx,
      actor,
      topic,
      input.version,
      input.decision,
      'STAFF',
      { decisionNote: input.note, decidedById: actor.userId, decidedAt: now, scoreMeanCenti: mean },
      { note: input.note, scores: scores.length, meanCenti: mean },
    );
    return { status: input.decision === 'select' ? ('SELECTED' as const) : ('REJECTED' as const) };
  });
}

/**
 * One action from a selected topic to a draft challenge list (issued by the commission, in the topic's field, with
 * the fiscal money staff set) or a draft call of a program; both point back to the topic. Staff then complete the
 * draft (targets, guide) and publish it through the usual pages. One transaction.
 */
export async function convertTopic(client: Db, actor: Actor, input: z.output<typeof ZConvertTopic>, now = new Date()) {
  assertCan(actor, 'manage:committee:all');
  if (input.form === 'CHALLENGE') assertCan(actor, 'manage:challenge:all');
  else assertCan(actor, 'manage:call:all');
  return client.$transaction(async (tx) => {
    const topic = await tx.topicProposal.findUnique({
      where: { id: input.topicId },
      select: {
        id: true,
        status: true,
        title: true,
        titleEn: true,
        background: true,
        goals: true,
        expectedImpact: true,
      },
    });
    if (!topic) throw notFound();
    if (!canTransitionTopic(topic.status, 'convert', 'STAFF')) throw new DomainError('CONFLICT', 'wrongState');
    const problem = `${topic.background}\n\n${topic.goals}`;
    let created: { kind: 'CHALLENGE' | 'CALL'; id: string };
    if (input.form === 'CHALLENGE') {
      const field = await tx.challengeField.findFirst({ where: { id: input.fieldId, edition: { current: true } } });
      if (!field) throw new DomainError('VALIDATION', 'checkFields', { fieldId: 'fieldUnknown' });
      if (input.fiscalWan <= 0n) throw new DomainError('VALIDATION', 'checkFields', { fiscalWan: 'moneyPositive' });
      const challenge = await tx.challenge.create({
        data: {
          proposedById: actor.userId,
          fieldId: field.id,
          title: topic.title.slice(0, 80),
          titleEn: topic.titleEn,
          problem: problem.slice(0, 5000),
          deliverables: [],
          durationMonths: 36,
          fiscalFen: input.fiscalWan,
          totalFundingFen: input.fiscalWan,
          topicProposalId: topic.id,
        },
        select: { id: true },
      });
      await recordAudit(tx, {
        actor,
        action: 'challenge.create',
        entityType: 'Challenge',
        entityId: challenge.id,
        summary: { title: topic.title, topicProposalId: topic.id, fiscalFen: input.fiscalWan.toString() },
      });
      created = { kind: 'CHALLENGE', id: challenge.id };
    } else {
      const program = await tx.program.findUnique({ where: { id: input.programId }, select: { active: true } });
      if (!program?.active) throw new DomainError('VALIDATION', 'checkFields', { programId: 'programUnknown' });
      const window = suggestedCallWindow(now);
      const call = await tx.call.create({
        data: {
          programId: input.programId,
          year: Number(beijingDate(now).slice(0, 4)),
          title: topic.title,
          titleEn: topic.titleEn,
          guide: `${problem}\n\n${topic.expectedImpact}`,
          opensAt: parseBeijingDateTime(window.opensAt)!,
          closesAt: parseBeijingDateTime(window.closesAt)!,
          topicProposalId: topic.id,
        },
        select: { id: true },
      });
      await recordAudit(tx, {
        actor,
        action: 'call.create',
        entityType: 'Call',
        entityId: call.id,
        summary: { programId: input.programId, title: topic.title, topicProposalId: topic.id },
      });
      created = { kind: 'CALL', id: call.id };
    }
    await move(tx, actor, topic, input.version, 'convert', 'STAFF', {}, { into: created.kind, id: created.id });
    return created;
  });
}

/** Members: the current term's topics open for scoring (and those they scored), with their own score. */
export async function listTopicsForMember(client: Db, actor: Actor, now: Date = new Date()) {
  const term = await memberTerm(client, actor, now);
  const topics = await client.topicProposal.findMany({
    where: { termId: term.id, status: { in: ['SCORING', 'SELECTED', 'REJECTED', 'CONVERTED'] } },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    select: {
      id: true,
      title: true,
      source: true,
      suggestedForm: true,
      status: true,
      scores: { where: { memberUserId: actor.userId }, select: { score: true, status: true } },
    },
  });
  return {
    term,
    topics: topics.map(({ scores, ...t }) => ({ ...t, mine: scores[0] ?? null })),
  };
}

/** Members: one topic, their own score, and the others' once their own is submitted. */
export async function getTopicForMember(client: Db, actor: Actor, topicId: string, now: Date = new Date()) {
  const term = await memberTerm(client, actor, now);
  if (!UUID.test(topicId)) throw notFound();
  const topic = await client.topicProposal.findFirst({
    where: { id: topicId, termId: term.id, status: { in: ['SCORING', 'SELECTED', 'REJECTED', 'CONVERTED'] } },
    select: {
      ...topicSelect,
      scores: {
        where: { status: 'SUBMITTED' },
        select: { score: true, comment: true, memberUserId: true, member: { select: { name: true } } },
      },
    },
  });
  if (!topic) throw notFound();
  const mine = await client.topicScore.findUnique({
    where: { proposalId_memberUserId: { proposalId: topic.id, memberUserId: actor.userId } },
    select: { score: true, comment: true, status: true },
  });
  const sees = seesOtherScores('MEMBER', mine?.status === 'SUBMITTED');
  return {
    ...topic,
    mine,
    others: sees
      ? topic.scores.filter((s) => s.memberUserId !== actor.userId).map(({ memberUserId: _m, ...s }) => s)
      : null,
    scores: undefined,
  };
}

/** A member saves or submits their score; a submitted score is final. */
export async function scoreTopic(
  client: Db,
  actor: Actor,
  input: z.output<typeof ZScoreTopic>,
  now: Date = new Date(),
) {
  return client.$transaction(async (tx) => {
    const term = await memberTerm(tx, actor, now);
    const topic = await tx.topicProposal.findFirst({
      where: { id: input.topicId, termId: term.id },
      select: { id: true, status: true },
    });
    if (!topic) throw notFound();
    if (topic.status !== 'SCORING') throw new DomainError('CONFLICT', 'topicNotScoring');
    // Staff edit a term under its lock and keep the scale once a score exists: read the scale under a shared hold.
    await tx.$executeRaw`select pg_advisory_xact_lock_shared(hashtext(${`committee-term:${term.id}`}))`;
    const { scoreScaleMax } = await tx.committeeTerm.findUniqueOrThrow({
      where: { id: term.id },
      select: { scoreScaleMax: true },
    });
    const problem = checkTopicScore(input.score, scoreScaleMax);
    if (problem) throw new DomainError('VALIDATION', 'checkFields', { score: problem });
    // One row per member and topic; the lock makes a double click save once.
    await tx.$executeRaw`select pg_advisory_xact_lock(hashtext(${`topic-score:${topic.id}:${actor.userId}`}))`;
    const existing = await tx.topicScore.findUnique({
      where: { proposalId_memberUserId: { proposalId: topic.id, memberUserId: actor.userId } },
      select: { id: true, status: true },
    });
    if (existing?.status === 'SUBMITTED') throw new DomainError('CONFLICT', 'scoreAlreadySubmitted');
    const data = {
      score: input.score,
      comment: input.comment,
      status: input.submit ? ('SUBMITTED' as const) : ('DRAFT' as const),
      submittedAt: input.submit ? now : null,
    };
    const row = existing
      ? await tx.topicScore.update({ where: { id: existing.id }, data: { ...data, version: { increment: 1 } } })
      : await tx.topicScore.create({ data: { ...data, proposalId: topic.id, memberUserId: actor.userId } });
    if (input.submit) {
      await recordAudit(tx, {
        actor,
        action: 'topic_score.submit',
        entityType: 'TopicScore',
        entityId: row.id,
        summary: { topicId: topic.id, score: input.score },
      });
    }
    return { status: data.status };
  });
}
