import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { Card, PageHeader } from '@/components/ui/card';
import { Table, Td } from '@/components/ui/table';
import { asLocale } from '@/i18n/config';
import { DomainError } from '@/lib/errors';
import { formatDateTime, localized } from '@/lib/format';
import { db } from '@/server/db';
import { requirePermission } from '@/server/auth/session';
import { getProgram } from '@/server/programs/programs';
import { RulesEditor } from './rules-editor';

export default async function ProgramPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePermission('manage:program:all');
  const { id } = await params;
  if (!/^[0-9a-f-]{36}$/i.test(id)) notFound();
  const program = await getProgram(db(), actor, id).catch((e: unknown) => {
    if (e instanceof DomainError && e.code === 'NOT_FOUND') notFound();
    throw e;
  });
  const [t, locale] = await Promise.all([getTranslations(), getLocale().then(asLocale)]);
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title={localized(locale, program.name, program.nameEn)}
        description={`${program.code} · ${t(`programs.kinds.${program.kind}`)}`}
        actions={
          <Link
            href={`/commission/calls/new?programId=${program.id}`}
            className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800"
          >
            {t('calls.new')}
          </Link>
        }
      />
      <div className="grid gap-6 xl:grid-cols-[1fr_20rem]">
        <div>
          <h2 className="mb-1 text-lg font-semibold">{t('programs.rulesTitle')}</h2>
          <p className="mb-4 text-sm text-slate-700">
            {t('programs.rulesLead', { number: program.currentRules?.number ?? 0 })}
          </p>
          {program.rules ? (
            <RulesEditor programId={program.id} version={program.currentRules!.number} rules={program.rules} />
          ) : null}
        </div>
        <Card title={t('programs.history')} className="self-start">
          <Table
            caption={t('programs.history')}
            head={[t('programs.versionNo'), t('programs.savedAt'), t('programs.usedByCalls')]}
          >
            {program.ruleVersions.map((v) => (
              <tr key={v.number}>
                <Td>v{v.number}</Td>
                <Td className="text-xs">
                  {formatDateTime(v.createdAt, locale)}
                  <div className="text-slate-600">{v.createdBy.name}</div>
                </Td>
                <Td>{v._count.calls}</Td>
              </tr>
            ))}
          </Table>
        </Card>
      </div>
    </div>
  );
}
