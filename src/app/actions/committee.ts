'use server';
import { revalidatePath } from 'next/cache';
import type { ActionResult } from '@/lib/errors';
import {
  ZAddMember,
  ZConvertTopic,
  ZCreateTerm,
  ZDecideTopic,
  ZEndMembership,
  ZProposeTopic,
  ZScoreTopic,
  ZTopicRef,
  ZUpdateTerm,
} from '@/lib/validation/committee';
import { addMember, createTerm, endMembership, updateTerm } from '@/server/committee/terms';
import { db } from '@/server/db';
import {
  convertTopic,
  decideTopic,
  openTopicScoring,
  proposeTopic,
  scoreTopic,
  withdrawTopic,
} from '@/server/committee/topics';
import { runAction } from '@/server/run-action';

// 选题 actions for every side; the module decides from the actor's role what each may do.

function refresh() {
  for (const p of [
    '/researcher/topics',
    '/office/topics',
    '/enterprise/topics',
    '/commission/committee',
    '/committee/topics',
  ])
    revalidatePath(p, 'layout');
}

export async function proposeTopicAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  const r = await runAction(ZProposeTopic, input, (actor, data) => proposeTopic(db(), actor, data));
  if (r.ok) refresh();
  return r;
}

export async function withdrawTopicAction(input: unknown): Promise<ActionResult<unknown>> {
  const r = await runAction(ZTopicRef, input, (actor, data) => withdrawTopic(db(), actor, data));
  if (r.ok) refresh();
  return r;
}

export async function openTopicScoringAction(input: unknown): Promise<ActionResult<unknown>> {
  const r = await runAction(ZTopicRef, input, (actor, data) => openTopicScoring(db(), actor, data));
  if (r.ok) refresh();
  return r;
}

export async function decideTopicAction(input: unknown): Promise<ActionResult<unknown>> {
  const r = await runAction(ZDecideTopic, input, (actor, data) => decideTopic(db(), actor, data));
  if (r.ok) refresh();
  return r;
}

export async function convertTopicAction(
  input: unknown,
): Promise<ActionResult<{ kind: 'CHALLENGE' | 'CALL'; id: string }>> {
  const r = await runAction(ZConvertTopic, input, (actor, data) => convertTopic(db(), actor, data));
  if (r.ok) {
    refresh();
    revalidatePath('/commission/challenges', 'layout');
    revalidatePath('/commission/calls', 'layout');
  }
  return r;
}

export async function scoreTopicAction(input: unknown): Promise<ActionResult<{ status: 'DRAFT' | 'SUBMITTED' }>> {
  const r = await runAction(ZScoreTopic, input, (actor, data) => scoreTopic(db(), actor, data));
  if (r.ok) refresh();
  return r;
}

export async function createTermAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  const r = await runAction(ZCreateTerm, input, (actor, data) => createTerm(db(), actor, data));
  if (r.ok) refresh();
  return r;
}

export async function updateTermAction(input: unknown): Promise<ActionResult<{ version: number }>> {
  const r = await runAction(ZUpdateTerm, input, (actor, data) => updateTerm(db(), actor, data));
  if (r.ok) refresh();
  return r;
}

export async function addMemberAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  const r = await runAction(ZAddMember, input, (actor, data) => addMember(db(), actor, data));
  if (r.ok) refresh();
  return r;
}

export async function endMembershipAction(input: unknown): Promise<ActionResult<unknown>> {
  const r = await runAction(ZEndMembership, input, (actor, data) => endMembership(db(), actor, data));
  if (r.ok) refresh();
  return r;
}
