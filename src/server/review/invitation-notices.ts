import 'server-only';
import { formatDateTime } from '@/lib/format';
import type { Tx } from '../db';
import { notify, type NotifyInput } from '../notify/notify';

type AssignmentKind = 'REVIEW_INVITATION' | 'REVIEW_REMINDER' | 'REVIEW_OVERDUE';

/** What an expert is told about one assignment: its code and due time, and the page where they act on it. */
export function assignmentNotice(
  kind: AssignmentKind,
  a: { id: string; expertUserId: string; dueAt: Date; application: { code: string | null } },
  extra: { callTitle?: string; round?: number } = {},
): NotifyInput {
  return {
    recipientId: a.expertUserId,
    kind,
    params: {
      code: a.application.code ?? '',
      dueAt: formatDateTime(a.dueAt),
      ...(extra.callTitle === undefined ? {} : { callTitle: extra.callTitle }),
    },
    link: `/reviewer/assignments/${a.id}`,
    entityType: 'ReviewAssignment',
    entityId: a.id,
    round: extra.round,
  };
}

/**
 * Tells each invited expert (inbox and e-mail): the call and the application's code only — in blind review nothing
 * about the applicant may reach the expert, and the code and call say nothing of them.
 */
export async function notifyInvitations(tx: Tx, assignmentIds: string[]): Promise<void> {
  if (assignmentIds.length === 0) return;
  const rows = await tx.reviewAssignment.findMany({
    where: { id: { in: assignmentIds } },
    select: {
      id: true,
      expertUserId: true,
      dueAt: true,
      call: { select: { title: true } },
      application: { select: { code: true } },
      invitations: { select: { id: true } },
    },
  });
  await notify(
    tx,
    // A re-invitation (after a decline was reversed) is a new invitation.
    rows.map((a) => assignmentNotice('REVIEW_INVITATION', a, { callTitle: a.call.title, round: a.invitations.length })),
  );
}
