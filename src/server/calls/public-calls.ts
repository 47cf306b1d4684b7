import 'server-only';
import { publicCallPhase } from '@/domain/program/call';
import { ZProgramRules } from '@/domain/program/rules';
import type { DbOrTx } from '../db';

// The public list of calls (/calls) and one call's guide (/calls/<id>). Drafts are never public.

export async function listPublicCalls(client: DbOrTx, now = new Date()) {
  const calls = await client.call.findMany({
    where: { status: { not: 'DRAFT' } },
    orderBy: [{ closesAt: 'desc' }],
    take: 200,
    select: {
      id: true,
      year: true,
      title: true,
      titleEn: true,
      status: true,
      opensAt: true,
      closesAt: true,
      program: { select: { name: true, nameEn: true, kind: true } },
      _count: {
        select: { challenges: { where: { status: { in: ['PUBLISHED', 'CLOSED', 'AWARDED', 'UNAWARDED'] } } } },
      },
    },
  });
  return calls.map((c) => ({ ...c, phase: publicCallPhase(c, now)! }));
}

export async function getPublicCall(client: DbOrTx, id: string, now = new Date()) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const call = await client.call.findFirst({
    where: { id, status: { not: 'DRAFT' } },
    select: {
      id: true,
      year: true,
      title: true,
      titleEn: true,
      guide: true,
      guideEn: true,
      status: true,
      opensAt: true,
      closesAt: true,
      institutionReviewClosesAt: true,
      plannedAwards: true,
      fiscalEnvelopeFen: true,
      program: { select: { name: true, nameEn: true, kind: true } },
      ruleVersion: { select: { number: true, rules: true } },
      challenges: {
        where: { status: { in: ['PUBLISHED', 'CLOSED', 'AWARDED', 'UNAWARDED'] } },
        orderBy: { publishedAt: 'asc' },
        select: {
          id: true,
          title: true,
          titleEn: true,
          totalFundingFen: true,
          field: { select: { name: true, nameEn: true } },
        },
      },
    },
  });
  if (!call) return null;
  const { ruleVersion, ...rest } = call;
  return {
    ...rest,
    phase: publicCallPhase(call, now)!,
    rulesVersion: ruleVersion?.number ?? null,
    rules: ruleVersion ? ZProgramRules.parse(ruleVersion.rules) : null,
  };
}
