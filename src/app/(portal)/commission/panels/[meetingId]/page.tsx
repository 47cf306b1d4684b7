import { notFound } from 'next/navigation';
import { getLocale } from 'next-intl/server';
import { PanelBoard } from '@/components/panels/panel-board';
import { PageHeader } from '@/components/ui/card';
import { asLocale } from '@/i18n/config';
import { DomainError } from '@/lib/errors';
import { db } from '@/server/db';
import { requirePermission } from '@/server/auth/session';
import { getPanelMeeting, listPanelMemberCandidates } from '@/server/panels/meetings';

// One panel meeting for staff: set-up while planned, then the run, the live progress and the minutes.
export default async function PanelMeetingPage({ params }: { params: Promise<{ meetingId: string }> }) {
  const actor = await requirePermission('manage:panel:all');
  const { meetingId } = await params;
  const board = await getPanelMeeting(db(), actor, meetingId).catch((e: unknown) => {
    if (e instanceof DomainError && e.code === 'NOT_FOUND') return null;
    throw e;
  });
  if (!board) notFound();
  const [candidates, locale] = await Promise.all([
    board.status === 'PLANNED' ? listPanelMemberCandidates(db(), actor, meetingId) : Promise.resolve(null),
    getLocale().then(asLocale),
  ]);
  return (
    <>
      <PageHeader title={board.title} />
      <PanelBoard board={board} locale={locale} isStaff candidates={candidates} />
    </>
  );
}
