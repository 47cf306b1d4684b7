import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { ProposeTopicForm } from '@/components/committee/topic-forms';
import { Badge, Card, EmptyState, PageHeader } from '@/components/ui/card';
import { Table, Td } from '@/components/ui/table';
import { asLocale } from '@/i18n/config';
import { formatDateTime, localized } from '@/lib/format';
import { requirePermission } from '@/server/auth/session';
import { getCurrentTerm, listTopicsForStaff } from '@/server/committee/topics';
import { listChallengeFields } from '@/server/challenges/challenges';
import { db } from '@/server/db';

const TONE = {
  SUBMITTED: 'blue',
  SCORING: 'amber',
  SELECTED: 'green',
  REJECTED: 'slate',
  CONVERTED: 'green',
  WITHDRAWN: 'slate',
} as const;

// 战略咨询专家委员会 for staff: the running term and its members, every topic with its scoring progress, and the form
// for a top-down topic.
export default async function CommitteePage() {
  const actor = await requirePermission('manage:committee:all');
  const [term, topics, fields, t, locale] = await Promise.all([
    getCurrentTerm(db(), actor),
    listTopicsForStaff(db(), actor),
    listChallengeFields(db()),
    getTranslations(),
    getLocale().then(asLocale),
  ]);
  return (
    <>
      <PageHeader
        title={t('committee.staffTitle')}
        description={t('committee.staffDescription')}
        actions={
          <>
            <Link href="/commission/committee/terms" className="text-sm text-brand-700 underline">
              {t('committee.termsLink')}
            </Link>
            <Link href="/commission/committee/meetings" className="text-sm text-brand-700 underline">
              {t('strategy.meetingsTitle')}
            </Link>
            <Link href="/commission/committee/reports" className="text-sm text-brand-700 underline">
              {t('strategy.reportsTitle')}
            </Link>
          </>
        }
      />
      <div className="flex flex-col gap-6">
        <Card
          title={
            term
              ? t('committee.term', {
                  name: term.name,
                  from: term.startsOn,
                  to: term.endsOn,
                })
              : t('committee.noTerm')
          }
        >
          {term ? (
            <Table
              caption={t('committee.membersTitle')}
              head={[
                t('committee.memberName'),
                t('committee.position'),
                t('committee.category'),
                t('committee.affiliation'),
              ]}
            >
              {term.members.map((m) => (
                <tr key={m.id}>
                  <Td>{m.user.name}</Td>
                  <Td>{t(`enums.CommitteePosition.${m.position}`)}</Td>
                  <Td>{t(`enums.CommitteeCategory.${m.category}`)}</Td>
                  <Td>{m.affiliation}</Td>
                </tr>
              ))}
            </Table>
          ) : null}
        </Card>
        <section aria-labelledby="topics">
          <h2 id="topics" className="mb-3 text-lg font-semibold text-slate-900">
            {t('committee.topicsTitle')}
          </h2>
          {topics.length === 0 ? (
            <EmptyState title={t('committee.topicsEmpty')} />
          ) : (
            <Table
              caption={t('committee.topicsTitle')}
              head={[
                t('committee.colTitle'),
                t('committee.colSource'),
                t('committee.colProposer'),
                t('committee.colForm'),
                t('committee.colStatus'),
                t('committee.colScores'),
                t('committee.colSubmitted'),
              ]}
            >
              {topics.map((topic) => (
                <tr key={topic.id}>
                  <Td>
                    <Link href={`/commission/committee/topics/${topic.id}`} className="text-brand-800 underline">
                      {topic.title}
                    </Link>
                  </Td>
                  <Td>{t(`enums.TopicSource.${topic.source}`)}</Td>
                  <Td>{topic.proposerInstitution?.name ?? topic.proposer.name}</Td>
                  <Td>{t(`enums.TopicForm.${topic.suggestedForm}`)}</Td>
                  <Td>
                    <Badge tone={TONE[topic.status]}>{t(`enums.TopicStatus.${topic.status}`)}</Badge>
                  </Td>
                  <Td>{topic.submittedScores}</Td>
                  <Td>{formatDateTime(topic.createdAt, locale)}</Td>
                </tr>
              ))}
            </Table>
          )}
        </section>
        {term ? (
          <Card title={t('committee.newTopic')}>
            <ProposeTopicForm
              fields={fields.map((f) => ({ value: f.id, label: localized(locale, f.name, f.nameEn) }))}
            />
          </Card>
        ) : null}
      </div>
    </>
  );
}
