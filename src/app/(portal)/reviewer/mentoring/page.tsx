import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ProjectStatusBadge } from '@/components/projects/project-views';
import { EmptyState, PageHeader } from '@/components/ui/card';
import { Table, Td } from '@/components/ui/table';
import { requirePermission } from '@/server/auth/session';
import { db } from '@/server/db';
import { listOwnMentorships } from '@/server/projects/mentoring';

// 护航项目: the projects the expert is (or was) the responsible expert of.
export default async function MentoringPage() {
  const actor = await requirePermission('mentor:project:own');
  const [rows, t, tStatus] = await Promise.all([
    listOwnMentorships(db(), actor),
    getTranslations('projects.mentor'),
    getTranslations('enums.MentorStatus'),
  ]);
  return (
    <>
      <PageHeader title={t('listTitle')} description={t('listDescription')} />
      {rows.length === 0 ? (
        <EmptyState title={t('listEmpty')} />
      ) : (
        <Table
          caption={t('listTitle')}
          head={[t('project'), t('pi'), t('period'), t('projectStatus'), t('assignment'), t('entries')]}
        >
          {rows.map((r) => (
            <tr key={r.id}>
              <Td>
                <Link href={`/reviewer/mentoring/${r.id}`} className="font-medium text-brand-700 underline">
                  {r.project.title}
                </Link>
                <div className="text-xs text-slate-600">{r.project.code}</div>
              </Td>
              <Td>
                {r.project.pi.name}
                <div className="text-xs text-slate-600">{r.project.institution.name}</div>
              </Td>
              <Td className="whitespace-nowrap">
                {r.project.startDate} — {r.project.endDate}
              </Td>
              <Td>
                <ProjectStatusBadge status={r.project.status} />
              </Td>
              <Td>{tStatus(r.status)}</Td>
              <Td>{r._count.entries}</Td>
            </tr>
          ))}
        </Table>
      )}
    </>
  );
}
