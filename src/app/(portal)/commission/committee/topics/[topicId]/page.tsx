import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { TopicBody } from '@/components/committee/topic-body';
import { ConvertTopicForm, DecideTopicForm } from '@/components/committee/topic-forms';
import { ActionButton } from '@/components/projects/project-forms';
import { Badge, Card, PageHeader } from '@/components/ui/card';
import { asLocale } from '@/i18n/config';
import { formatDateTime, localized } from '@/lib/format';
import { orNotFound } from '@/lib/or-not-found';
import { openTopicScoringAction } from '@/app/actions/committee';
import { requirePermission } from '@/server/auth/session';
import { getTopicForStaff } from '@/server/committee/topics';
import { listChallengeFields } from '@/server/challenges/challenges';
import { db } from '@/server/db';

// One topic for staff: the proposal, every member's score with the mean, and the next step — open scoring, decide
// (once enough scores are in), or convert into a draft challenge list or call.
export default async function StaffTopicPage({ params }: { params: Promise<{ topicId: string }> }) {
  const actor = await requirePermission('manage:committee:all');
  const { topicId } = await params;
  const [topic, t, locale] = await Promise.all([
    orNotFound(getTopicForStaff(db(), actor, topicId)),
    getTranslations(),
    getLocale().then(asLocale),
  ]);
  const [fields, programs] =
    topic.status === 'SELECTED'
      ? await Promise.all([
          listChallengeFields(db()),
          db().program.findMany({
            where: { active: true },
            orderBy: { code: 'asc' },
            select: { id: true, name: true, nameEn: true },
          }),
        ])
      : [[], []];
  return (
    <>
      <PageHeader
        title={topic.title}
        description={topic.term.name}
        actions={
          <>
            <Badge tone="blue">{t(`enums.TopicStatus.${topic.status}`)}</Badge>
            <Link href="/commission/committee" className="text-sm text-brand-700 underline">
              {t('committee.back')}
            </Link>
          </>
        }
      />
      <div className="flex flex-col gap-6">
        <TopicBody topic={topic} />
        {topic.challenges.map((c) => (
          <p key={c.id} className="text-sm">
            <Link href={`/commission/challenges/${c.id}`} className="text-brand-800 underline">
              {t('committee.linkedChallenge', { title: c.title })}
            </Link>
          </p>
        ))}
        {topic.calls.map((c) => (
          <p key={c.id} className="text-sm">
            <Link href={`/commission/calls/${c.id}`} className="text-brand-800 underline">
              {t('committee.linkedCall', { title: c.title })}
            </Link>
          </p>
        ))}
        <Card title={t('committee.scoresTitle')}>
          {topic.scores.length === 0 ? (
            <p className="text-sm text-slate-700">{t('committee.noScores')}</p>
          ) : (
            <ul className="flex flex-col gap-3 text-sm">
              {topic.scores.map((s) => (
                <li key={s.id}>
                  <span className="font-medium">
                    {s.member.name}：{s.score}
                  </span>{' '}
                  <span className="text-xs text-slate-500">{formatDateTime(s.submittedAt, locale)}</span>
                  <p className="whitespace-pre-line text-slate-700">{s.comment}</p>
                </li>
              ))}
            </ul>
          )}
          {topic.mean !== null ? (
            <p className="mt-3 text-sm font-medium">{t('committee.mean', { mean: (topic.mean / 100).toFixed(2) })}</p>
          ) : null}
          {topic.drafts > 0 ? (
            <p className="mt-1 text-xs text-slate-600">{t('committee.draftsPending', { count: topic.drafts })}</p>
          ) : null}
          {topic.decisionNote ? (
            <p className="mt-3 text-sm">{t('committee.decisionNote', { note: topic.decisionNote })}</p>
          ) : null}
        </Card>
        {topic.status === 'SUBMITTED' ? (
          <ActionButton
            action={openTopicScoringAction}
            input={{ topicId: topic.id, version: topic.version }}
            label={t('committee.openScoring')}
            done={t('committee.scoringOpened')}
          />
        ) : null}
        {topic.status === 'SCORING' ? (
          <Card title={t('committee.decideTitle')}>
            {topic.canDecide ? (
              <DecideTopicForm topicId={topic.id} version={topic.version} />
            ) : (
              <p className="text-sm text-slate-700">
                {t('committee.needScores', { min: topic.term.minScoresToDecide })}
              </p>
            )}
          </Card>
        ) : null}
        {topic.status === 'SELECTED' ? (
          <Card title={t('committee.convertTitle')}>
            <ConvertTopicForm
              topicId={topic.id}
              version={topic.version}
              suggestedForm={topic.suggestedForm}
              fieldId={topic.field?.id ?? null}
              fields={fields.map((f) => ({ value: f.id, label: localized(locale, f.name, f.nameEn) }))}
              programs={programs.map((p) => ({ value: p.id, label: localized(locale, p.name, p.nameEn) }))}
            />
          </Card>
        ) : null}
      </div>
    </>
  );
}
