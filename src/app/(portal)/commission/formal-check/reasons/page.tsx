import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Badge, EmptyState, PageHeader } from '@/components/ui/card';
import { Table, Td } from '@/components/ui/table';
import { db } from '@/server/db';
import { requirePermission } from '@/server/auth/session';
import { listFormalCheckReasons } from '@/server/applications/review-side';
import { AddReasonDialog, ReasonActiveToggle } from './reason-controls';

export default async function FormalCheckReasonsPage() {
  await requirePermission('manage:formal-check-reason:all');
  const [reasons, t] = await Promise.all([listFormalCheckReasons(db(), { activeOnly: false }), getTranslations()]);
  return (
    <>
      <PageHeader
        title={t('formalCheck.reasonsTitle')}
        description={t('formalCheck.reasonsDescription')}
        actions={
          <>
            <Link href="/commission/formal-check" className="h-10 content-center text-sm text-brand-700 underline">
              {t('formalCheck.backToList')}
            </Link>
            <AddReasonDialog />
          </>
        }
      />
      {reasons.length === 0 ? (
        <EmptyState title={t('formalCheck.noReasons')} />
      ) : (
        <Table
          caption={t('formalCheck.reasonsTitle')}
          head={[
            t('formalCheck.reasonCode'),
            t('formalCheck.reasonLabel'),
            t('formalCheck.reasonLabelEn'),
            t('formalCheck.reasonStatus'),
            t('common.actions'),
          ]}
        >
          {reasons.map((r) => (
            <tr key={r.id}>
              <Td className="font-mono text-xs">{r.code}</Td>
              <Td>{r.label}</Td>
              <Td>
                <span lang="en">{r.labelEn}</span>
              </Td>
              <Td>
                {r.active ? (
                  <Badge tone="green">{t('formalCheck.active')}</Badge>
                ) : (
                  <Badge>{t('formalCheck.inactive')}</Badge>
                )}
              </Td>
              <Td>
                <ReasonActiveToggle id={r.id} code={r.code} active={r.active} />
              </Td>
            </tr>
          ))}
        </Table>
      )}
    </>
  );
}
