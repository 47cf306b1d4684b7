import { getLocale, getTranslations } from 'next-intl/server';
import { MentoringEntryForm } from '@/components/projects/project-forms';
import { Card, PageHeader } from '@/components/ui/card';
import { Table, Td } from '@/components/ui/table';
import { beijingDate } from '@/domain/decision/notice';
import { asLocale } from '@/i18n/config';
import { formatDateTime } from '@/lib/format';
import { requirePermission } from '@/server/auth/session';
import { db } from '@/server/db';
import { getMentorship } from '@/server/projects/mentoring';
import { addMentoringEntryAction } from '../actions';
import { orNotFound } from '@/lib/or-not-found';

// One mentored project: its milestones and the log, with the form for a new entry while the assignment is active.
export default async function MentorshipPage({ params }: { params: Promise<{ assignmentId: string }> }) {
  const { assignmentId } = await params;
  const actor = await requirePermission('mentor:project:own');
  const m = await orNotFound(getMentorship(db(), actor, assignmentId));
  const [t, tKind, tMs, locale] = await Promise.all([
    getTranslations('projects.mentor'),
    getTranslations('enums.MentoringKind'),
    getTranslations('enums.MilestoneStatus'),
    getLocale().then(asLocale),
  ]);
  const milestoneTitle = (id: string | null) => m.milestones.find((x) => x.id === id)?.title ?? null;
  return (
    <>
      <PageHeader
        title={m.project.title}
        description={t('detailDescription', { code: m.project.code, pi: m.project.pi.name })}
      />
      <div className="flex flex-col gap-6">
        <Card title={t('milestones')}>
          <Table caption={t('milestones')} head={[t('milestone'), t('dueDate'), t('milestoneStatus')]}>
            {m.milestones.map((x) => (
              <tr key={x.id}>
                <Td>{x.title}</Td>
                <Td className="whitespace-nowrap">{x.dueDate}</Td>
                <Td>{tMs(x.status)}</Td>
              </tr>
            ))}
          </Table>
        </Card>
        {m.status === 'ACTIVE' ? (
          <Card title={t('addEntry')}>
            <MentoringEntryForm
              action={addMentoringEntryAction}
              assignmentId={m.id}
              milestones={m.milestones.map((x) => ({ id: x.id, label: `${x.title}（${x.dueDate}）` }))}
              today={beijingDate(new Date())}
            />
          </Card>
        ) : (
          <p className="text-sm text-slate-700">{t('ended', { date: m.toDate ?? '' })}</p>
        )}
        <Card title={t('log')}>
          {m.entries.length === 0 ? (
            <p className="text-sm text-slate-600">{t('noEntries')}</p>
          ) : (
            <ol className="flex flex-col gap-3">
              {m.entries.map((e) => (
                <li key={e.id} className="rounded-md border border-slate-200 p-3 text-sm">
                  <p className="font-medium text-slate-900">
                    {e.occurredOn} · {tKind(e.kind)}
                    {milestoneTitle(e.milestoneId) ? ` · ${milestoneTitle(e.milestoneId)}` : ''}
                  </p>
                  <p className="mt-1 whitespace-pre-wrap text-slate-800">{e.body}</p>
                  <p className="mt-1 text-xs text-slate-600">
                    {formatDateTime(e.createdAt, locale)} · {e.visibleToPi ? t('visibleToPiShort') : t('hiddenFromPi')}
                  </p>
                </li>
              ))}
            </ol>
          )}
        </Card>
      </div>
    </>
  );
}
