'use server';
import { revalidatePath } from 'next/cache';
import type { ActionResult } from '@/lib/errors';
import { ZCreateUser, ZResetPassword, ZSetUserRoles, ZUpdateUser } from '@/lib/validation/users';
import { db } from '@/server/db';
import { runAction } from '@/server/run-action';
import { createUser } from '@/server/users/create-user';
import { resetPassword } from '@/server/users/reset-password';
import { setUserRoles } from '@/server/users/set-user-roles';
import { updateUser } from '@/server/users/update-user';

const refresh = () => revalidatePath('/admin/users');

export async function createUserAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  const r = await runAction(ZCreateUser, input, async (actor, data) => ({
    id: (await createUser(db(), actor, data)).id,
  }));
  if (r.ok) refresh();
  return r;
}

export async function updateUserAction(input: unknown): Promise<ActionResult<{ id: string; version: number }>> {
  const r = await runAction(ZUpdateUser, input, (actor, data) => updateUser(db(), actor, data));
  if (r.ok) refresh();
  return r;
}

export async function setUserRolesAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  const r = await runAction(ZSetUserRoles, input, (actor, data) => setUserRoles(db(), actor, data));
  if (r.ok) refresh();
  return r;
}

export async function resetPasswordAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  const r = await runAction(ZResetPassword, input, (actor, data) => resetPassword(db(), actor, data));
  if (r.ok) refresh();
  return r;
}
