import 'server-only';
import { challengeFunding } from '@/domain/challenge/challenge';
import { FEN_PER_WAN } from '@/domain/money';
import type { TChallengeBoardQuery } from '@/lib/validation/challenges';
import { DomainError } from '@/lib/errors';
import type { Db, DbOrTx } from '../db';
import { consumeRateLimit } from '../security/rate-limit';

// The public challenge board (/challenges): no login, filters in the query string, a page of 20 at a time.
// Everything here is public once published; drafts and proposals never appear.

export const BOARD_PAGE_SIZE = 20;
const PUBLIC_STATUSES = ['PUBLISHED', 'CLOSED', 'AWARDED', 'UNAWARDED'] as const;

/** A Beijing calendar date → the instant its day ends (exclusive bound). */
function endOfBeijingDay(date: string): Date {
  return new Date(new Date(`${date}T00:00:00+08:00`).getTime() + 86_400_000);
}

export async function searchPublicChallenges(client: DbOrTx, query: TChallengeBoardQuery, now = new Date()) {
  const where = {
    status: { in: [...PUBLIC_STATUSES] },
    ...(query.field ? { field: { code: query.field } } : {}),
    ...(query.q
      ? {
          OR: [
            { title: { contains: query.q, mode: 'insensitive' as const } },
            { titleEn: { contains: query.q, mode: 'insensitive' as const } },
            { problem: { contains: query.q, mode: 'insensitive' as const } },
            { problemEn: { contains: query.q, mode: 'insensitive' as const } },
          ],
        }
      : {}),
    ...(query.minWan || query.maxWan
      ? {
          totalFundingFen: {
            ...(query.minWan ? { gte: BigInt(query.minWan) * FEN_PER_WAN } : {}),
            ...(query.maxWan ? { lte: BigInt(query.maxWan) * FEN_PER_WAN } : {}),
          },
        }
      : {}),
    ...(query.open || query.closesBy
      ? {
          call: {
            ...(query.open ? { status: 'OPEN' as const, opensAt: { lte: now }, closesAt: { gt: now } } : {}),
            ...(query.closesBy
              ? { closesAt: { lt: endOfBeijingDay(query.closesBy), ...(query.open ? { gt: now } : {}) } }
              : {}),
          },
        }
      : {}),
  };
  const orderBy =
    query.sort === 'deadline'
      ? [{ call: { closesAt: 'asc' as const } }, { id: 'asc' as const }]
      : query.sort === 'funding'
        ? [{ totalFundingFen: 'desc' as const }, { id: 'asc' as const }]
        : [{ publishedAt: 'desc' as const }, { id: 'desc' as const }];
  const page = query.page ?? 1;
  const [total, rows] = await Promise.all([
    client.challenge.count({ where }),
    client.challenge.findMany({
      where,
      orderBy,
      skip: (page - 1) * BOARD_PAGE_SIZE,
      take: BOARD_PAGE_SIZE,
      select: {
        id: true,
        title: true,
        titleEn: true,
        problem: true,
        problemEn: true,
        status: true,
        fiscalFen: true,
        totalFundingFen: true,
        selectionMode: true,
        teamCount: true,
        durationMonths: true,
        field: { select: { code: true, name: true, nameEn: true } },
        issuer: { select: { name: true, nameEn: true } },
        call: { select: { closesAt: true, opensAt: true, status: true } },
        _count: { select: { targets: true } },
      },
    }),
  ]);
  return { rows, total, page, pageSize: BOARD_PAGE_SIZE };
}

export async function getPublicChallenge(client: DbOrTx, id: string) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const challenge = await client.challenge.findFirst({
    where: { id, status: { in: [...PUBLIC_STATUSES] } },
    select: {
      id: true,
      title: true,
      titleEn: true,
      problem: true,
      problemEn: true,
      deliverables: true,
      durationMonths: true,
      fiscalFen: true,
      selectionMode: true,
      teamCount: true,
      cutAfterMonths: true,
      keepAfterCut: true,
      chiefScientistRequirements: true,
      chiefScientistRequirementsEn: true,
      status: true,
      publishedAt: true,
      field: { select: { code: true, name: true, nameEn: true } },
      issuer: { select: { name: true, nameEn: true } },
      call: { select: { id: true, title: true, titleEn: true, opensAt: true, closesAt: true, status: true } },
      targets: { orderBy: { ordinal: 'asc' } },
      pledges: { select: { source: true, amountFen: true, status: true } },
    },
  });
  if (!challenge) return null;
  const { pledges, ...rest } = challenge;
  return { ...rest, funding: challengeFunding(challenge.fiscalFen, pledges) };
}

/**
 * The board as the public page asks for it, from an address. A text search counts against that address's
 * public_search limit; over it, no search runs and the page says how many seconds to wait (browsing and filtering
 * without a search term are never limited).
 */
export async function searchPublicBoard(client: Db, query: TChallengeBoardQuery, ip: string | null) {
  if (query.q) {
    try {
      await consumeRateLimit(client, 'public_search', ip ?? 'unknown');
    } catch (error) {
      if (error instanceof DomainError && error.code === 'RATE_LIMITED') {
        const seconds = Number(error.params?.seconds ?? 60);
        return { rows: [], total: 0, page: 1, pageSize: BOARD_PAGE_SIZE, limitedForSeconds: seconds };
      }
      throw error;
    }
  }
  return { ...(await searchPublicChallenges(client, query)), limitedForSeconds: null };
}
