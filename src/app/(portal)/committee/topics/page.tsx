import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Badge, EmptyState, PageHeader } from '@/components/ui/card';
import { Table, Td } from '@/components/ui/table';
import { requirePermission } from '@/server/auth/session';
import { listTopicsForMember } from '@/server/committee/topics';
import { db } from '@/server/db';
import { orNotFound } from '@/lib/or-not-found';

// 选题评分: the running term's topics for a member, with the member's own score (draft or submitted).
export default async function MemberTopicsPage() {
  const actor = await requirePermission('serve:committee:own');
  const [{ term, topics }, t] = await Promise.all([orNotFound(listTopicsForMember(db(), actor)), getTranslations()]);
  return (
    <>
      <PageHeader
        title={t('committee.memberTitle')}
        description={`${term.name} · ${t('committee.memberDescription')}`}
      />
      {topics.length === 0 ? (
        <EmptyState title={t('committee.memberEmpty')} />
      ) : (
        <Table
          caption={t('committee.memberTitle')}
          head={[
            t('committee.colTitle'),
            t('committee.colSource'),
            t('committee.colForm'),
            t('committee.colStatus'),
            t('committee.yourScore'),
          ]}
        >
          {topics.map((topic) => (
            <tr key={topic.id}>
              <Td>
                <Link href={`/committee/topics/${topic.id}`} className="text-brand-800 underline">
                  {topic.title}
                </Link>
              </Td>
              <Td>{t(`enums.TopicSource.${topic.source}`)}</Td>
              <Td>{t(`enums.TopicForm.${topic.suggestedForm}`)}</Td>
              <Td>{t(`enums.TopicStatus.${topic.status}`)}</Td>
              <Td>
                {topic.mine ? (
                  topic.mine.status === 'SUBMITTED' ? (
                    <Badge tone="green">{topic.mine.score}</Badge>
                  ) : (
                    <Badge tone="amber">{`${t('committee.draftScore')} ${topic.mine.score}`}</Badge>
                  )
                ) : (
                  <span className="text-slate-600">{t('committee.notScored')}</span>
                )}
              </Td>
            </tr>
          ))}
        </Table>
      )}
    </>
  );
}
