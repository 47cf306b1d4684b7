import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { MeetingView } from '@/components/committee/meeting-view';
import { OpinionForm } from '@/components/committee/strategy-forms';
import { Badge, PageHeader } from '@/components/ui/card';
import { orNotFound } from '@/lib/or-not-found';
import { requirePermission } from '@/server/auth/session';
import { getMeeting } from '@/server/committee/meetings';
import { db } from '@/server/db';

// An invited member's view of a meeting (agenda, materials, attendance, opinions, resolutions); while it is held, a
// member who attended records their own opinion, on the whole meeting or on a topic of the agenda.
export default async function MemberMeetingPage({ params }: { params: Promise<{ meetingId: string }> }) {
  const actor = await requirePermission('serve:committee:own');
  const { meetingId } = await params;
  const [meeting, t] = await Promise.all([orNotFound(getMeeting(db(), actor, meetingId)), getTranslations()]);
  const attended = meeting.attendees.some((a) => a.userId === actor.userId && a.attended);
  return (
    <>
      <PageHeader
        title={meeting.title}
        description={meeting.term.name}
        actions={
          <>
            <Badge tone="blue">{t(`enums.MeetingStatus.${meeting.status}`)}</Badge>
            <Link href="/committee/meetings" className="text-sm text-brand-700 underline">
              {t('strategy.back')}
            </Link>
          </>
        }
      />
      <MeetingView
        meeting={meeting}
        opinionForm={
          meeting.status === 'HELD' && attended ? (
            <OpinionForm meetingId={meeting.id} topics={meeting.agenda.flatMap((i) => i.topics)} />
          ) : null
        }
      />
    </>
  );
}
