import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/ui/card';
import { asLocale } from '@/i18n/config';
import { DomainError } from '@/lib/errors';
import { db } from '@/server/db';
import { requirePermission } from '@/server/auth/session';
import { getPanelMeeting } from '@/server/panels/meetings';
import { getPanelMeetingForMember, listOwnPanelMeetings } from '@/server/panels/votes';
import { MemberMeeting } from './member-meeting';
import { OwnMeetings } from './own-meetings';
import { PanelBoard } from './panel-board';

// The member pages, identical for experts (/reviewer/panels) and committee members (/committee/panels).

export async function OwnMeetingsPage({ basePath }: { basePath: string }) {
  const actor = await requirePermission('vote:panel:own');
  const [rows, locale] = await Promise.all([listOwnPanelMeetings(db(), actor), getLocale().then(asLocale)]);
  return <OwnMeetings rows={rows} locale={locale} basePath={basePath} />;
}

const hidden = (e: unknown) => {
  if (e instanceof DomainError && e.code === 'NOT_FOUND') return null;
  throw e;
};

/** A member's meeting; the chair also gets the board they run the meeting from. */
export async function MemberMeetingPage({ meetingId, basePath }: { meetingId: string; basePath: string }) {
  const actor = await requirePermission('vote:panel:own');
  const view = await getPanelMeetingForMember(db(), actor, meetingId).catch(hidden);
  if (!view) notFound();
  const board = view.me.role === 'CHAIR' ? await getPanelMeeting(db(), actor, meetingId) : null;
  const [t, locale] = await Promise.all([getTranslations('panels'), getLocale().then(asLocale)]);
  return (
    <>
      <PageHeader
        title={view.title}
        description={view.me.role === 'CHAIR' ? t('chairDescription') : t('memberDescription')}
        actions={
          <Link href={basePath} className="text-sm text-brand-700 underline">
            {t('backToOwn')}
          </Link>
        }
      />
      <div className="flex flex-col gap-6">
        <MemberMeeting view={view} locale={locale} />
        {board ? (
          <section aria-label={t('chairBoard')} className="flex flex-col gap-3 border-t border-slate-200 pt-6">
            <h2 className="text-lg font-semibold text-slate-900">{t('chairBoard')}</h2>
            <PanelBoard board={board} locale={locale} isStaff={false} candidates={null} />
          </section>
        ) : null}
      </div>
    </>
  );
}
