import 'server-only';
import { CHALLENGE_FOLLOWS_CALL, type ChallengeFollowsCall } from '@/domain/challenge/challenge';
import { AWAITING_DECISION, challengeSettlement } from '@/domain/decision/settlement';
import type { Tx } from '../db';
import type { Actor } from '../auth/actor';
import { recordAudit } from '../audit/record-audit';

// What follows a call's own transitions, in the call's transaction (DATA-MODEL §3.2): its published challenges close
// with it and are settled (awarded or not) when it is decided; and the call is decided by itself when the last of its
// decisions becomes final (the notice sweep or a dismissed objection), as staff could otherwise forget to.

/** How many of the call's applications still wait for a final decision. */
export async function countAwaitingDecision(tx: Tx, callId: string): Promise<number> {
  return tx.application.count({ where: { callId, status: { in: [...AWAITING_DECISION] } } });
}

async function moveChallenge(tx: Tx, challengeId: string, step: ChallengeFollowsCall, actor: Actor | null) {
  const rule = CHALLENGE_FOLLOWS_CALL[step];
  const current = await tx.challenge.findUniqueOrThrow({ where: { id: challengeId }, select: { status: true } });
  const moved = await tx.challenge.updateMany({
    where: { id: challengeId, status: { in: [...rule.from] } },
    data: { status: rule.to, version: { increment: 1 } },
  });
  if (moved.count === 0) return;
  await recordAudit(tx, {
    actor,
    action: `challenge.${step}`,
    entityType: 'Challenge',
    entityId: challengeId,
    summary: { from: current.status, to: rule.to, followsCall: true },
  });
}

/** The call closed: its published challenges take no more teams. */
export async function closeChallengesOfCall(tx: Tx, callId: string, actor: Actor | null) {
  const open = await tx.challenge.findMany({
    where: { callId, status: { in: [...CHALLENGE_FOLLOWS_CALL.close.from] } },
    orderBy: { id: 'asc' },
    select: { id: true },
  });
  for (const c of open) await moveChallenge(tx, c.id, 'close', actor);
}

/** The call is decided: each of its challenges is awarded if a team's FUND decision is final, else left unawarded. */
export async function settleChallengesOfCall(tx: Tx, callId: string, actor: Actor | null) {
  const challenges = await tx.challenge.findMany({
    where: { callId, status: { in: [...CHALLENGE_FOLLOWS_CALL.award.from] } },
    orderBy: { id: 'asc' },
    select: { id: true },
  });
  for (const c of challenges) {
    const funded = await tx.decision.count({
      where: { status: 'FINAL', outcome: 'FUND', application: { challengeId: c.id, callId } },
    });
    await moveChallenge(tx, c.id, challengeSettlement(funded) === 'AWARDED' ? 'award' : 'leave_unawarded', actor);
  }
}

/**
 * After a decision became final: if the call is REVIEWING and nothing else waits for a decision, the call becomes
 * DECIDED and its challenges are settled. The call row is locked first, so two notices of one call closing at once
 * cannot both miss (each seeing the other's applications still pending): the second waits and then sees the first's.
 * Idempotent: a call already DECIDED is left alone. Returns whether it moved the call.
 */
export async function decideCallIfComplete(tx: Tx, callId: string, actor: Actor | null): Promise<boolean> {
  const [call] = await tx.$queryRaw<{ status: string }[]>`
    select status::text as status from "Call" where id = ${callId}::uuid for update`;
  if (call?.status !== 'REVIEWING') return false;
  if ((await countAwaitingDecision(tx, callId)) > 0) return false;
  const moved = await tx.call.updateMany({
    where: { id: callId, status: 'REVIEWING' },
    data: { status: 'DECIDED', version: { increment: 1 } },
  });
  if (moved.count === 0) return false;
  await recordAudit(tx, {
    actor,
    action: 'call.decide',
    entityType: 'Call',
    entityId: callId,
    summary: { from: 'REVIEWING', to: 'DECIDED', lastDecisionFinal: true },
  });
  await settleChallengesOfCall(tx, callId, actor);
  return true;
}
