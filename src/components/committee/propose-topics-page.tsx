import { getLocale, getTranslations } from 'next-intl/server';
import { ActionButton } from '@/components/projects/project-forms';
import { Badge, Card, EmptyState, PageHeader } from '@/components/ui/card';
import { Table, Td } from '@/components/ui/table';
import { asLocale } from '@/i18n/config';
import { formatDateTime, localized } from '@/lib/format';
import { withdrawTopicAction } from '@/app/actions/committee';
import { requirePermission } from '@/server/auth/session';
import { getCurrentTerm, listOwnTopics } from '@/server/committee/topics';
import { listChallengeFields } from '@/server/challenges/challenges';
import { db } from '@/server/db';
import { ProposeTopicForm } from './topic-forms';

const TONE = {
  SUBMITTED: 'blue',
  SCORING: 'amber',
  SELECTED: 'green',
  REJECTED: 'slate',
  CONVERTED: 'green',
  WITHDRAWN: 'slate',
} as const;

/**
 * 选题建议 for a proposer — a researcher, an institution office or an enterprise (the last two propose for their
 * institution): the form, and their topics with status and the commission's note. Who scored what is never shown.
 */
export async function ProposeTopicsPage() {
  const actor = await requirePermission('propose:topic:own');
  const [term, topics, fields, t, locale] = await Promise.all([
    getCurrentTerm(db(), actor),
    listOwnTopics(db(), actor),
    listChallengeFields(db()),
    getTranslations(),
    getLocale().then(asLocale),
  ]);
  return (
    <>
      <PageHeader title={t('committee.proposeTitle')} description={t('committee.proposeDescription')} />
      <div className="flex flex-col gap-6">
        <Card title={t('committee.newTopic')}>
          {term ? (
            <ProposeTopicForm
              fields={fields.map((f) => ({ value: f.id, label: localized(locale, f.name, f.nameEn) }))}
            />
          ) : (
            <p className="text-sm text-slate-700">{t('committee.noTerm')}</p>
          )}
        </Card>
        <section aria-labelledby="mine">
          <h2 id="mine" className="mb-3 text-lg font-semibold text-slate-900">
            {t('committee.mineTitle')}
          </h2>
          {topics.length === 0 ? (
            <EmptyState title={t('committee.mineEmpty')} />
          ) : (
            <Table
              caption={t('committee.mineTitle')}
              head={[
                t('committee.colTitle'),
                t('committee.colForm'),
                t('committee.colStatus'),
                t('committee.colSubmitted'),
                t('common.actions'),
              ]}
            >
              {topics.map((topic) => (
                <tr key={topic.id}>
                  <Td>
                    {topic.title}
                    {topic.decisionNote ? (
                      <p className="mt-1 text-xs text-slate-600">
                        {t('committee.decisionNote', { note: topic.decisionNote })}
                      </p>
                    ) : null}
                  </Td>
                  <Td>{t(`enums.TopicForm.${topic.suggestedForm}`)}</Td>
                  <Td>
                    <Badge tone={TONE[topic.status]}>{t(`enums.TopicStatus.${topic.status}`)}</Badge>
                  </Td>
                  <Td>{formatDateTime(topic.createdAt, locale)}</Td>
                  <Td>
                    {topic.status === 'SUBMITTED' ? (
                      <ActionButton
                        action={withdrawTopicAction}
                        input={{ topicId: topic.id, version: topic.version }}
                        label={t('committee.withdraw')}
                        accessibleLabel={t('committee.withdrawLabel', { title: topic.title })}
                        done={t('committee.withdrawn')}
                        variant="secondary"
                      />
                    ) : null}
                  </Td>
                </tr>
              ))}
            </Table>
          )}
        </section>
      </div>
    </>
  );
}
