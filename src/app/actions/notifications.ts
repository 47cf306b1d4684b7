'use server';
import { revalidatePath } from 'next/cache';
import { ZNoInput, ZNotificationRef } from '@/lib/validation/notifications';
import { db } from '@/server/db';
import { markAllRead, markRead } from '@/server/notify/inbox';
import { resendMail } from '@/server/notify/mail-admin';
import { runAction } from '@/server/run-action';

// The inbox (every signed-in person, their own messages) and mail delivery (commission staff).

export async function markReadAction(input: unknown) {
  const result = await runAction(ZNotificationRef, input, (actor, data) => markRead(db(), actor, data.id));
  revalidatePath('/', 'layout');
  return result;
}

export async function markAllReadAction(input: unknown) {
  const result = await runAction(ZNoInput, input, (actor) => markAllRead(db(), actor));
  revalidatePath('/', 'layout');
  return result;
}

export async function resendMailAction(input: unknown) {
  const result = await runAction(ZNotificationRef, input, (actor, data) => resendMail(db(), actor, data.id));
  revalidatePath('/commission/mail');
  return result;
}
