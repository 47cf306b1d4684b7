'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import type { ActionResult } from '@/lib/errors';
import { zUuid } from '@/lib/validation/common';
import { ZSecurityPolicy } from '@/lib/validation/security';
import { db } from '@/server/db';
import { runAction } from '@/server/run-action';
import { unlockAccount } from '@/server/security/locked-accounts';
import { updateSecurityPolicy } from '@/server/security/update-security-policy';

export async function updateSecurityPolicyAction(input: unknown): Promise<ActionResult<{ version: number }>> {
  const r = await runAction(ZSecurityPolicy, input, (actor, data) => updateSecurityPolicy(db(), actor, data));
  if (r.ok) revalidatePath('/admin/security');
  return r;
}

export async function unlockAccountAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  const r = await runAction(z.object({ id: zUuid }), input, (actor, data) => unlockAccount(db(), actor, data));
  if (r.ok) revalidatePath('/admin/security');
  return r;
}
