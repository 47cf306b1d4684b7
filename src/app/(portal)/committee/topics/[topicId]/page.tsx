import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { TopicBody } from '@/components/committee/topic-body';
import { ScoreTopicForm } from '@/components/committee/topic-forms';
import { Badge, Card, PageHeader } from '@/components/ui/card';
import { orNotFound } from '@/lib/or-not-found';
import { requirePermission } from '@/server/auth/session';
import { getTopicForMember } from '@/server/committee/topics';
import { db } from '@/server/db';

// One topic for a member: the proposal, the member's score (editable until submitted), and — after submitting — the
// other members' scores and comments.
export default async function MemberTopicPage({ params }: { params: Promise<{ topicId: string }> }) {
  const actor = await requirePermission('serve:committee:own');
  const { topicId } = await params;
  const [topic, t] = await Promise.all([orNotFound(getTopicForMember(db(), actor, topicId)), getTranslations()]);
  const submitted = topic.mine?.status === 'SUBMITTED';
  return (
    <>
      <PageHeader
        title={topic.title}
        description={topic.term.name}
        actions={
          <>
            <Badge tone="blue">{t(`enums.TopicStatus.${topic.status}`)}</Badge>
            <Link href="/committee/topics" className="text-sm text-brand-700 underline">
              {t('committee.back')}
            </Link>
          </>
        }
      />
      <div className="flex flex-col gap-6">
        <TopicBody topic={topic} />
        <Card title={t('committee.yourScore')}>
          {submitted ? (
            <div className="text-sm">
              <p className="font-medium">{t('committee.submittedScore', { score: topic.mine!.score })}</p>
              <p className="mt-1 whitespace-pre-line text-slate-700">{topic.mine!.comment}</p>
            </div>
          ) : topic.status === 'SCORING' ? (
            <ScoreTopicForm topicId={topic.id} max={topic.term.scoreScaleMax} initial={topic.mine} />
          ) : (
            <p className="text-sm text-slate-700">{t('committee.notScored')}</p>
          )}
        </Card>
        <Card title={t('committee.othersTitle')}>
          {topic.others === null ? (
            <p className="text-sm text-slate-700">{t('committee.othersHidden')}</p>
          ) : topic.others.length === 0 ? (
            <p className="text-sm text-slate-700">{t('committee.noScores')}</p>
          ) : (
            <ul className="flex flex-col gap-3 text-sm">
              {topic.others.map((s, i) => (
                <li key={i}>
                  <span className="font-medium">
                    {s.member.name}：{s.score}
                  </span>
                  <p className="whitespace-pre-line text-slate-700">{s.comment}</p>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </>
  );
}
