'use server';
import { z } from 'zod';
import type { ActionResult } from '@/lib/errors';
import { db } from '@/server/db';
import { assertCan } from '@/server/auth/authorize';
import { verifyAuditChain } from '@/server/audit/verify-audit-chain';
import { runAction } from '@/server/run-action';

/** Read-only: the audit admin checks the hash chain on demand (the same check as `npm run audit:verify`). */
export async function verifyAuditChainAction(): Promise<
  ActionResult<{ events: number; headHash: string; brokenAt: string | null; problem: string | null }>
> {
  return runAction(z.object({}), {}, async (actor) => {
    assertCan(actor, 'read:audit:all');
    const report = await verifyAuditChain(db());
    return {
      events: report.events,
      headHash: report.headHash,
      brokenAt: report.firstBreak?.id ?? null,
      problem: report.firstBreak?.problem ?? null,
    };
  });
}
