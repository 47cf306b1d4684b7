'use server';
import { revalidatePath } from 'next/cache';
import { ZMarkTranchePaid } from '@/lib/validation/projects';
import { db } from '@/server/db';
import { markTranchePaid } from '@/server/projects/tranches';
import { runAction } from '@/server/run-action';

// The issuing enterprise records the payment of its own co-funding tranches; no other tranche is within its reach.
export async function markPaidAction(input: unknown) {
  const r = await runAction(ZMarkTranchePaid, input, (actor, data) => markTranchePaid(db(), actor, data));
  if (r.ok) revalidatePath('/enterprise/projects', 'layout');
  return r;
}
