'use server';
import { z } from 'zod';
import type { ActionResult } from '@/lib/errors';
import { db } from '@/server/db';
import { verifyAuditChainAsAuditor } from '@/server/audit/verify-audit-chain';
import { runAction } from '@/server/run-action';

/** Read-only: the audit admin checks the hash chain on demand (the same check as `npm run audit:verify`). */
export async function verifyAuditChainAction(): Promise<
  ActionResult<{ events: number; headHash: string; brokenAt: string | null; problem: string | null }>
> {
  return runAction(z.object({}), {}, (actor) => verifyAuditChainAsAuditor(db(), actor));
}
