import 'server-only';
import { deadlineReminderDue, hoursLeft } from '@/domain/notify/notifications';
import { formatDateTime } from '@/lib/format';
import { db } from '../db';
import { closeDueNotices } from '../decisions/finalise';
import { markOverdueAssignments } from '../review/staff-review';
import { deadlineReminderRecipients } from '@/domain/notify/holder';
import { releaseStuckMail } from './mail';
import { notify } from './notify';
import { sweepRateLimits } from '../security/rate-limit';
import { sweepExpiredExportResults } from '../jobs/job-runs';

// The reminder sweep, run by the scheduled job every quarter hour on whichever instance claims it (and safe to run
// twice: every reminder has its dedupe key). Deadline reminders go to whoever holds an unsubmitted application in an
// open call (the PI; for a platform, the office user who started it); overdue reviews are marked and their experts told.

const DAY_MS = 86_400_000;

export interface SweepResult {
  noticesClosed: number;
  deadlineReminders: number;
  overdueMarked: number;
  stuckMailReleased: number;
  rateLimitsSwept: number;
  exportFilesExpired: number;
}

export async function runReminderSweep(now: Date = new Date()): Promise<SweepResult> {
  const client = db();
  // Notices whose period has ended close (and their decisions become final) without waiting for a staff page view.
  const noticesClosed = (await closeDueNotices(client, now)).closed;
  let deadlineReminders = 0;
  const calls = await client.call.findMany({
    where: { status: 'OPEN', closesAt: { gt: now, lte: new Date(now.getTime() + 7 * DAY_MS) } },
    select: { id: true, title: true, closesAt: true },
  });
  for (const call of calls) {
    const kind = deadlineReminderDue(call.closesAt, now);
    if (!kind) continue;
    const drafts = await client.application.findMany({
      where: { callId: call.id, status: { in: ['DRAFT', 'RETURNED'] } },
      select: {
        id: true,
        kind: true,
        applicantId: true,
        createdById: true,
        members: { select: { userId: true, confirmation: true } },
      },
    });
    const recipients = new Map<string, { link: string; role: 'holder' | 'member' }>();
    for (const a of drafts) {
      for (const { recipientId, link, role } of deadlineReminderRecipients(a)) {
        // Holding an application outranks being asked to join one.
        const known = recipients.get(recipientId);
        if (!known || (known.role === 'member' && role === 'holder')) recipients.set(recipientId, { link, role });
      }
    }
    if (recipients.size === 0) continue;
    deadlineReminders += await client.$transaction((tx) =>
      notify(
        tx,
        [...recipients].map(([recipientId, { link, role }]) => ({
          recipientId,
          kind,
          params: {
            role,
            callTitle: call.title,
            closesAt: formatDateTime(call.closesAt),
            hours: hoursLeft(call.closesAt, now),
          },
          link,
          entityType: 'Call',
          entityId: call.id,
        })),
      ),
    );
  }

  const lateCalls = await client.reviewAssignment.findMany({
    where: { status: { in: ['INVITED', 'ACCEPTED'] }, dueAt: { lte: now } },
    distinct: ['callId'],
    select: { callId: true },
  });
  let overdueMarked = 0;
  for (const { callId } of lateCalls) overdueMarked += await markOverdueAssignments(client, callId, now);

  const stuckMailReleased = await releaseStuckMail(now);
  // Rate-limit counters of windows long past (src/server/security/rate-limit.ts).
  const rateLimitsSwept = await sweepRateLimits(client, now);
  // Background exports' files past their retention (src/domain/exports.ts).
  const exportFilesExpired = await sweepExpiredExportResults(client, now);
  return { noticesClosed, deadlineReminders, overdueMarked, stuckMailReleased, rateLimitsSwept, exportFilesExpired };
}
