'use server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { ROLES } from '@/domain/auth/roles';
import type { ActionResult } from '@/lib/errors';
import { db } from '@/server/db';
import { switchRole } from '@/server/account/switch-role';
import { runAction } from '@/server/run-action';

const ZSwitchRole = z.object({ role: z.enum(ROLES, { error: 'invalid' }) });

/** The header's role switcher. On success the browser goes to the new role's dashboard. */
export async function switchRoleAction(input: { role: string }): Promise<ActionResult<never>> {
  const result = await runAction(ZSwitchRole, input, (actor, data) => switchRole(db(), actor, data.role));
  if (!result.ok) return result;
  // The header (role, navigation) lives in a layout every role's pages share: drop the client's cached copy.
  revalidatePath('/', 'layout');
  redirect(result.data.home);
}
