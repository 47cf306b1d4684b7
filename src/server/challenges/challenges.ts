import 'server-only';
import {
  canEditChallenge,
  canTransitionChallenge,
  CHALLENGE_APPLICANT_STATUSES,
  challengeFunding,
  checkChallengeComplete,
  issuerSeesApplicants,
  type ChallengeStatus,
  type ChallengeTransition,
} from '@/domain/challenge/challenge';
import { DomainError } from '@/lib/errors';
import type { ZChallengeDraft, ZChallengeTransition, ZUpdateChallenge } from '@/lib/validation/challenges';
import type { z } from 'zod';
import type { Db, Tx } from '../db';
import type { Actor } from '../auth/actor';
import { actorInstitution, assertCan } from '../auth/authorize';
import { recordAudit } from '../audit/record-audit';

// 揭榜挂帅 challenges (DATA-MODEL §2.6, §3.2). An enterprise drafts its own (scoped to its institution); commission
// staff draft the commission's, review and edit anyone's, and publish into a KEY_CHALLENGE call. Another
// enterprise's challenge does not exist for an enterprise user (NOT_FOUND).

type Draft = z.output<typeof ZChallengeDraft>;

/** Who the actor is to challenges: the issuer side (an enterprise, scoped) or commission staff. */
function sideOf(actor: Actor): { by: 'ISSUER'; institutionId: string } | { by: 'STAFF' } {
  if (actor.role === 'COMMISSION_STAFF') {
    assertCan(actor, 'manage:challenge:all');
    return { by: 'STAFF' };
  }
  assertCan(actor, 'manage:challenge:institution');
  return { by: 'ISSUER', institutionId: actorInstitution(actor) };
}

/** Loads a challenge the actor may see, or NOT_FOUND — the scope is in the query, not checked afterwards. */
async function loadScoped(tx: Tx, actor: Actor, id: string) {
  const side = sideOf(actor);
  const challenge = await tx.challenge.findFirst({
    where: { id, ...(side.by === 'ISSUER' ? { issuerInstitutionId: side.institutionId } : {}) },
    include: { targets: { orderBy: { ordinal: 'asc' } }, pledges: true },
  });
  if (!challenge) throw new DomainError('NOT_FOUND');
  return { challenge, side };
}

async function assertField(tx: Tx, fieldId: string) {
  const field = await tx.challengeField.findFirst({
    where: { id: fieldId, edition: { current: true } },
    select: { id: true },
  });
  if (!field) throw new DomainError('VALIDATION', 'checkFields', { fieldId: 'fieldUnknown' });
}

/** Writes the draft's own columns, targets and the issuer's pledge, and keeps totalFundingFen in step. */
async function writeContent(tx: Tx, challengeId: string, issuerInstitutionId: string | null, input: Draft) {
  await tx.challengeTarget.deleteMany({ where: { challengeId } });
  if (input.targets.length) {
    await tx.challengeTarget.createMany({
      data: input.targets.map((t, i) => ({ challengeId, ordinal: i + 1, ...t })),
    });
  }
  // The issuer's own pledge is one row that follows the form; pledges of other sources (later) are left alone.
  if (issuerInstitutionId) {
    await tx.coFundingPledge.deleteMany({
      where: { challengeId, source: 'ENTERPRISE', sourceInstitutionId: issuerInstitutionId },
    });
    if (input.pledgeWan !== null && input.pledgeWan > 0n) {
      await tx.coFundingPledge.create({
        data: {
          challengeId,
          source: 'ENTERPRISE',
          sourceInstitutionId: issuerInstitutionId,
          amountFen: input.pledgeWan,
        },
      });
    }
  }
  const pledges = await tx.coFundingPledge.findMany({
    where: { challengeId },
    select: { source: true, amountFen: true, status: true },
  });
  return challengeFunding(input.fiscalWan, pledges).totalFen;
}

function columns(input: Draft) {
  const { targets: _t, pledgeWan: _p, fiscalWan, ...rest } = input;
  return { ...rest, fiscalFen: fiscalWan };
}

export async function createChallenge(client: Db, actor: Actor, input: Draft) {
  const side = sideOf(actor);
  return client.$transaction(async (tx) => {
    await assertField(tx, input.fieldId);
    const issuerInstitutionId = side.by === 'ISSUER' ? side.institutionId : null;
    const challenge = await tx.challenge.create({
      data: { ...columns(input), issuerInstitutionId, proposedById: actor.userId },
      select: { id: true },
    });
    const totalFundingFen = await writeContent(tx, challenge.id, issuerInstitutionId, input);
    await tx.challenge.update({ where: { id: challenge.id }, data: { totalFundingFen } });
    await recordAudit(tx, {
      actor,
      action: 'challenge.create',
      entityType: 'Challenge',
      entityId: challenge.id,
      summary: { title: input.title, issuerInstitutionId, fiscalFen: input.fiscalWan.toString() },
    });
    return challenge;
  });
}

export async function updateChallenge(client: Db, actor: Actor, input: z.output<typeof ZUpdateChallenge>) {
  return client.$transaction(async (tx) => {
    const { challenge, side } = await loadScoped(tx, actor, input.id);
    if (!canEditChallenge(challenge.status, side.by)) throw new DomainError('CONFLICT', 'challengeNotEditable');
    await assertField(tx, input.fieldId);
    const { id, version, ...draft } = input;
    const updated = await tx.challenge.updateMany({
      where: { id, version, status: challenge.status },
      data: { ...columns(draft), version: { increment: 1 } },
    });
    if (updated.count === 0) throw new DomainError('STALE');
    const totalFundingFen = await writeContent(tx, id, challenge.issuerInstitutionId, draft);
    await tx.challenge.update({ where: { id }, data: { totalFundingFen } });
    await recordAudit(tx, {
      actor,
      action: 'challenge.update',
      entityType: 'Challenge',
      entityId: id,
      summary: { title: draft.title, status: challenge.status, targets: draft.targets.length },
    });
    return { id, version: version + 1 };
  });
}

function completenessErrors(challenge: {
  title: string;
  problem: string;
  deliverables: unknown;
  targets: { name: string; unit: string; targetValue: string; acceptanceMethod: string }[];
  durationMonths: number;
  fiscalFen: bigint;
  selectionMode: 'SINGLE' | 'HORSE_RACE';
  teamCount: number;
  cutAfterMonths: number | null;
  keepAfterCut: number | null;
  chiefScientistRequirements: string;
}) {
  const problems = checkChallengeComplete({
    ...challenge,
    deliverables: Array.isArray(challenge.deliverables) ? (challenge.deliverables as { name: string }[]) : [],
  });
  if (problems.length) {
    throw new DomainError(
      'VALIDATION',
      'challengeIncomplete',
      Object.fromEntries(problems.map((p) => [p.field, p.code])),
    );
  }
}

const TO: Record<ChallengeTransition, ChallengeStatus> = {
  propose: 'PROPOSED',
  take_up: 'UNDER_REVIEW',
  return: 'DRAFT',
  publish: 'PUBLISHED',
  withdraw: 'WITHDRAWN',
};

export async function transitionChallenge(client: Db, actor: Actor, input: z.output<typeof ZChallengeTransition>) {
  return client.$transaction(async (tx) => {
    const { challenge, side } = await loadScoped(tx, actor, input.id);
    if (!canTransitionChallenge(challenge.status, input.transition, side.by)) {
      throw new DomainError(
        side.by === 'ISSUER' && input.transition !== 'propose' && input.transition !== 'withdraw'
          ? 'FORBIDDEN'
          : 'CONFLICT',
        'wrongState',
      );
    }
    const data: Record<string, unknown> = { status: TO[input.transition], version: { increment: 1 } };
    const summary: Record<string, unknown> = { from: challenge.status, to: TO[input.transition] };
    if (input.transition === 'propose' || input.transition === 'publish') completenessErrors(challenge);
    if (input.transition === 'return') {
      if (!input.reason) throw new DomainError('VALIDATION', 'checkFields', { reason: 'required' });
      data.returnReason = input.reason;
      summary.reason = input.reason;
    }
    if (input.transition === 'propose') data.returnReason = null;
    if (input.transition === 'publish') {
      if (!input.callId) throw new DomainError('VALIDATION', 'checkFields', { callId: 'required' });
      const call = await tx.call.findUnique({
        where: { id: input.callId },
        select: { status: true, closesAt: true, program: { select: { kind: true } } },
      });
      if (!call || call.program.kind !== 'KEY_CHALLENGE' || !['DRAFT', 'OPEN'].includes(call.status)) {
        throw new DomainError('VALIDATION', 'checkFields', { callId: 'challengeCallInvalid' });
      }
      if (call.closesAt <= new Date())
        throw new DomainError('VALIDATION', 'checkFields', { callId: 'challengeCallClosed' });
      data.callId = input.callId;
      data.publishedAt = new Date();
      // Staff reviewed the pledged co-funding with the challenge: publishing confirms it.
      await tx.coFundingPledge.updateMany({
        where: { challengeId: challenge.id, status: 'PLEDGED' },
        data: { status: 'CONFIRMED' },
      });
      summary.callId = input.callId;
    }
    const updated = await tx.challenge.updateMany({
      where: { id: challenge.id, version: input.version, status: challenge.status },
      data,
    });
    if (updated.count === 0) throw new DomainError('STALE');
    await recordAudit(tx, {
      actor,
      action: `challenge.${input.transition}`,
      entityType: 'Challenge',
      entityId: challenge.id,
      summary,
    });
    return { id: challenge.id, status: TO[input.transition], version: input.version + 1 };
  });
}

/** The actor's list: an enterprise its own institution's challenges, staff every challenge (optionally by status). */
export async function listChallengesForActor(client: Db, actor: Actor, filter: { status?: ChallengeStatus } = {}) {
  const side = sideOf(actor);
  return client.challenge.findMany({
    where: {
      ...(side.by === 'ISSUER' ? { issuerInstitutionId: side.institutionId } : {}),
      ...(filter.status ? { status: filter.status } : {}),
    },
    orderBy: [{ updatedAt: 'desc' }],
    take: 500,
    select: {
      id: true,
      title: true,
      status: true,
      fiscalFen: true,
      totalFundingFen: true,
      selectionMode: true,
      updatedAt: true,
      version: true,
      field: { select: { name: true, nameEn: true } },
      issuer: { select: { name: true } },
      call: { select: { title: true, closesAt: true } },
    },
  });
}

export async function getChallengeForEdit(client: Db, actor: Actor, id: string) {
  const { challenge, side } = await client.$transaction((tx) => loadScoped(tx, actor, id));
  const issuer = challenge.issuerInstitutionId
    ? await client.institution.findUnique({ where: { id: challenge.issuerInstitutionId }, select: { name: true } })
    : null;
  // The committee topic it came from (选题, issue 7): staff see the link back.
  const topic =
    challenge.topicProposalId && side.by === 'STAFF'
      ? await client.topicProposal.findUnique({
          where: { id: challenge.topicProposalId },
          select: { id: true, title: true },
        })
      : null;
  return {
    challenge,
    side: side.by,
    issuerName: issuer?.name ?? null,
    editable: canEditChallenge(challenge.status, side.by),
    topic,
  };
}

/** KEY_CHALLENGE calls a challenge can be published into (still accepting, or not yet opened). */
export async function listChallengeCalls(client: Db, actor: Actor) {
  assertCan(actor, 'manage:challenge:all');
  return client.call.findMany({
    where: { program: { kind: 'KEY_CHALLENGE' }, status: { in: ['DRAFT', 'OPEN'] }, closesAt: { gt: new Date() } },
    orderBy: { closesAt: 'asc' },
    select: { id: true, title: true, status: true, closesAt: true },
  });
}

export async function listChallengeFields(client: Db) {
  return client.challengeField.findMany({
    where: { edition: { current: true } },
    orderBy: { ordinal: 'asc' },
    select: { id: true, code: true, name: true, nameEn: true },
  });
}

/**
 * 揭榜团队: the teams that applied to the issuer's challenge — only once its call has closed
 * (`issuerSeesApplicants`); before then the answer says when. Staff see them at any time. The issuer sees who and
 * from where (PI, institution, team size, title, stage), not the proposal or its budget.
 */
export async function listChallengeApplicants(client: Db, actor: Actor, id: string, now = new Date()) {
  const { challenge, side } = await client.$transaction((tx) => loadScoped(tx, actor, id));
  const call = challenge.callId
    ? await client.call.findUnique({ where: { id: challenge.callId }, select: { closesAt: true } })
    : null;
  const closesAt = call?.closesAt ?? null;
  if (side.by === 'ISSUER' && !issuerSeesApplicants(closesAt, now)) return { visible: false as const, closesAt };
  const applications = await client.application.findMany({
    where: { challengeId: challenge.id, status: { in: [...CHALLENGE_APPLICANT_STATUSES] } },
    orderBy: [{ submittedAt: 'asc' }, { id: 'asc' }],
    select: {
      id: true,
      code: true,
      title: true,
      status: true,
      submittedAt: true,
      applicant: { select: { name: true } },
      institution: { select: { name: true, nameEn: true } },
      _count: { select: { members: true } },
    },
  });
  return { visible: true as const, closesAt, applications };
}
