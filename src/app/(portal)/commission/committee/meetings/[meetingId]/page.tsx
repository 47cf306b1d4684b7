import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { MeetingView } from '@/components/committee/meeting-view';
import {
  AgendaForm,
  HoldMeetingForm,
  InviteesForm,
  MaterialForm,
  OpinionForm,
  ResolutionForm,
} from '@/components/committee/strategy-forms';
import { ActionButton } from '@/components/projects/project-forms';
import { Badge, Card, PageHeader } from '@/components/ui/card';
import { orNotFound } from '@/lib/or-not-found';
import { closeMeetingAction, removeMaterialAction } from '@/app/actions/strategy';
import { requirePermission } from '@/server/auth/session';
import { getMeeting, meetingChoices } from '@/server/committee/meetings';
import { db } from '@/server/db';

// One strategy meeting for staff: edit the agenda and materials until it closes, change who is invited while it is
// planned, open it with attendance, record opinions (for members present) and resolutions while it is held, close it.
export default async function StaffMeetingPage({ params }: { params: Promise<{ meetingId: string }> }) {
  const actor = await requirePermission('manage:committee:all');
  const { meetingId } = await params;
  const [meeting, choices, t] = await Promise.all([
    orNotFound(getMeeting(db(), actor, meetingId)),
    orNotFound(meetingChoices(db(), actor, meetingId)),
    getTranslations(),
  ]);
  const open = meeting.status !== 'CLOSED';
  const present = meeting.attendees.filter((a) => a.attended).map((a) => ({ userId: a.userId, name: a.user.name }));
  const agendaTopics = meeting.agenda.flatMap((i) => i.topics);
  return (
    <>
      <PageHeader
        title={meeting.title}
        description={meeting.term.name}
        actions={
          <>
            <Badge tone="blue">{t(`enums.MeetingStatus.${meeting.status}`)}</Badge>
            <Link href="/commission/committee/meetings" className="text-sm text-brand-700 underline">
              {t('strategy.back')}
            </Link>
          </>
        }
      />
      <div className="flex flex-col gap-6">
        {meeting.status === 'PLANNED' ? (
          <>
            <Card title={t('strategy.invitees')}>
              <InviteesForm
                key={meeting.version}
                meetingId={meeting.id}
                version={meeting.version}
                members={choices.members}
                invited={meeting.attendees.map((a) => a.userId)}
              />
            </Card>
            <Card title={t('strategy.hold')}>
              <HoldMeetingForm
                key={meeting.version}
                meetingId={meeting.id}
                version={meeting.version}
                attendees={meeting.attendees.map((a) => ({ userId: a.userId, name: a.user.name }))}
              />
            </Card>
          </>
        ) : null}
        <MeetingView
          meeting={meeting}
          agendaForm={
            open ? (
              <AgendaForm
                key={meeting.version}
                meetingId={meeting.id}
                version={meeting.version}
                agenda={meeting.agenda}
                topics={choices.topics}
              />
            ) : null
          }
          materialForm={open ? <MaterialForm meetingId={meeting.id} /> : null}
          removeMaterial={
            open
              ? (m) => (
                  <ActionButton
                    action={removeMaterialAction}
                    input={{ materialId: m.id }}
                    label={t('strategy.removeMaterial')}
                    accessibleLabel={t('strategy.removeMaterialLabel', { title: m.title })}
                    variant="secondary"
                  />
                )
              : undefined
          }
          opinionForm={
            meeting.status === 'HELD' && present.length ? (
              <OpinionForm meetingId={meeting.id} members={present} topics={agendaTopics} />
            ) : null
          }
          resolutionForm={meeting.status === 'HELD' ? <ResolutionForm meetingId={meeting.id} /> : null}
        />
        {meeting.status === 'HELD' ? (
          <ActionButton
            action={closeMeetingAction}
            input={{ meetingId: meeting.id, version: meeting.version }}
            label={t('strategy.close')}
            done={t('strategy.closed')}
            variant="secondary"
          />
        ) : null}
      </div>
    </>
  );
}
