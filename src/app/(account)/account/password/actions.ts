'use server';
import type { ActionResult } from '@/lib/errors';
import { ZChangePassword } from '@/lib/validation/users';
import { db } from '@/server/db';
import { changePassword } from '@/server/account/change-password';
import { runAction } from '@/server/run-action';

export async function changePasswordAction(input: unknown): Promise<ActionResult<{ changed: true }>> {
  return runAction(ZChangePassword, input, async (actor, data) => {
    await changePassword(db(), actor, data);
    return { changed: true as const };
  });
}
