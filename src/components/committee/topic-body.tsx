import { getLocale, getTranslations } from 'next-intl/server';
import { Card } from '@/components/ui/card';
import { asLocale } from '@/i18n/config';
import { formatDateTime, localized } from '@/lib/format';

/** The topic as proposed: what members score and staff decide on. */
export async function TopicBody({
  topic,
}: {
  topic: {
    source: 'TOP_DOWN' | 'BOTTOM_UP';
    suggestedForm: 'CALL' | 'CHALLENGE';
    background: string;
    goals: string;
    expectedImpact: string;
    createdAt: Date;
    field: { name: string; nameEn: string } | null;
    proposer: { name: string };
    proposerInstitution: { name: string } | null;
  };
}) {
  const [t, locale] = await Promise.all([getTranslations(), getLocale().then(asLocale)]);
  return (
    <Card>
      <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-[9rem_1fr]">
        <dt className="text-slate-500">{t('committee.colSource')}</dt>
        <dd>
          {t(`enums.TopicSource.${topic.source}`)} · {topic.proposerInstitution?.name ?? topic.proposer.name} ·{' '}
          {formatDateTime(topic.createdAt, locale)}
        </dd>
        <dt className="text-slate-500">{t('committee.field')}</dt>
        <dd>{topic.field ? localized(locale, topic.field.name, topic.field.nameEn) : t('committee.noField')}</dd>
        <dt className="text-slate-500">{t('committee.suggestedForm')}</dt>
        <dd>{t(`enums.TopicForm.${topic.suggestedForm}`)}</dd>
        <dt className="text-slate-500">{t('committee.background')}</dt>
        <dd className="whitespace-pre-line">{topic.background}</dd>
        <dt className="text-slate-500">{t('committee.goals')}</dt>
        <dd className="whitespace-pre-line">{topic.goals}</dd>
        <dt className="text-slate-500">{t('committee.expectedImpact')}</dt>
        <dd className="whitespace-pre-line">{topic.expectedImpact}</dd>
      </dl>
    </Card>
  );
}
