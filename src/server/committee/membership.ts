import 'server-only';
import { currentTerm } from '@/domain/committee/term';
import { beijingDate } from '@/domain/time';
import { DomainError } from '@/lib/errors';
import type { Tx } from '../db';
import type { Actor } from '../auth/actor';
import { assertCan } from '../auth/authorize';

// The committee's running term and who serves on it — shared by topic selection and strategy meetings.

const isoDate = (d: Date) => d.toISOString().slice(0, 10);

export async function theCurrentTerm(client: Tx, now: Date) {
  const terms = await client.committeeTerm.findMany({
    select: { id: true, name: true, startsOn: true, endsOn: true, scoreScaleMax: true, minScoresToDecide: true },
  });
  const term = currentTerm(
    terms.map((t) => ({ ...t, startsOn: isoDate(t.startsOn), endsOn: isoDate(t.endsOn) })),
    beijingDate(now),
  );
  return term;
}

/** A member of the running term (an open membership). FORBIDDEN for committee members outside it. */
export async function memberTerm(client: Tx, actor: Actor, now: Date) {
  assertCan(actor, 'serve:committee:own');
  const term = await theCurrentTerm(client, now);
  if (!term) throw new DomainError('FORBIDDEN');
  const today = new Date(`${beijingDate(now)}T00:00:00Z`);
  const membership = await client.committeeMembership.findFirst({
    where: { termId: term.id, userId: actor.userId, OR: [{ toDate: null }, { toDate: { gte: today } }] },
    select: { id: true },
  });
  if (!membership) throw new DomainError('FORBIDDEN');
  return term;
}
