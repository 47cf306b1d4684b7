import 'server-only';
import { ZProgramRules, type ProgramRules } from '@/domain/program/rules';
import { notFound } from '@/lib/errors';
import type { DbOrTx } from '../db';

/** The rules a call was published under (ADR 0008); NOT_FOUND for an unknown call or one never published. */
export async function callRules(client: DbOrTx, callId: string): Promise<{ id: string; rules: ProgramRules }> {
  const call = await client.call.findUnique({
    where: { id: callId },
    select: { id: true, ruleVersion: { select: { rules: true } } },
  });
  if (!call?.ruleVersion) throw notFound();
  return { id: call.id, rules: ZProgramRules.parse(call.ruleVersion.rules) };
}
