'use server';
import { revalidatePath } from 'next/cache';
import type { ActionResult } from '@/lib/errors';
import { ZAnnouncementTransition, ZCreateAnnouncement } from '@/lib/validation/announcements';
import { db } from '@/server/db';
import { createAnnouncement, transitionAnnouncement } from '@/server/announcements/announcements';
import { runAction } from '@/server/run-action';

function refresh() {
  revalidatePath('/commission/announcements');
  revalidatePath('/');
}

export async function createAnnouncementAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  const result = await runAction(ZCreateAnnouncement, input, (actor, data) => createAnnouncement(db(), actor, data));
  if (result.ok) refresh();
  return result.ok ? { ok: true, data: { id: result.data.id } } : result;
}

export async function publishAnnouncementAction(input: unknown): Promise<ActionResult<{ status: string }>> {
  const result = await runAction(ZAnnouncementTransition, input, (actor, data) =>
    transitionAnnouncement(db(), actor, data, 'publish'),
  );
  if (result.ok) refresh();
  return result;
}

export async function withdrawAnnouncementAction(input: unknown): Promise<ActionResult<{ status: string }>> {
  const result = await runAction(ZAnnouncementTransition, input, (actor, data) =>
    transitionAnnouncement(db(), actor, data, 'withdraw'),
  );
  if (result.ok) refresh();
  return result;
}
