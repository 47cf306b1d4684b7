import { getLocale, getTranslations } from 'next-intl/server';
import { Card } from '@/components/ui/card';
import { Table, Td } from '@/components/ui/table';
import { asLocale } from '@/i18n/config';
import type { ActionResult } from '@/lib/errors';
import { formatGrant, localized } from '@/lib/format';
import { ChangeRequestForm, DecideChangeForm, WithdrawChangeButton } from './change-forms';
import { ChangesView, type ChangesData } from './changes-view';
import { SectionTitle } from './section-title';

type Action = (input: unknown) => Promise<ActionResult<unknown>>;

/**
 * The 变更 tab for every role: the PI requests and withdraws, the office decides REQUESTED rows, staff decide
 * INSTITUTION_APPROVED rows; everyone sees the list. The actions come from the role's own route.
 */
export async function ChangesPage({
  data,
  role,
  request,
  withdraw,
  decide,
}: {
  data: ChangesData;
  role: 'PI' | 'OFFICE' | 'STAFF' | 'READER';
  request?: Action;
  withdraw?: Action;
  decide?: Action;
}) {
  const [t, locale] = await Promise.all([getTranslations(), getLocale().then(asLocale)]);
  const running = data.project.status === 'ACTIVE' || data.project.status === 'MIDTERM_REVIEW';
  const label = (code: string) => {
    const c = data.categories.find((x) => x.code === code);
    return c ? localized(locale, c.name, c.nameEn) : code;
  };
  const decidable = role === 'OFFICE' ? 'REQUESTED' : role === 'STAFF' ? 'INSTITUTION_APPROVED' : null;
  return (
    <div className="flex flex-col gap-4">
      <SectionTitle
        title={t('projectLifecycle.sectionTitle', {
          section: t('projectLifecycle.changesTitle'),
          title: data.project.title,
        })}
      />
      <ChangesView
        data={data}
        locale={locale}
        actions={(c) => {
          const kindLabel = t(`enums.ChangeKind.${c.kind}`);
          if (decidable === c.status && decide)
            return <DecideChangeForm action={decide} changeId={c.id} version={c.version} kindLabel={kindLabel} />;
          if (
            role === 'PI' &&
            data.isPi &&
            withdraw &&
            (c.status === 'REQUESTED' || c.status === 'INSTITUTION_APPROVED')
          )
            return <WithdrawChangeButton action={withdraw} changeId={c.id} version={c.version} kindLabel={kindLabel} />;
          return null;
        }}
      />
      {data.budget.length ? (
        <Table
          caption={t('projectLifecycle.budgetCaption')}
          head={[t('projectLifecycle.category'), t('projectLifecycle.budget'), t('projectLifecycle.spent')]}
        >
          {data.budget.map((b) => (
            <tr key={b.categoryCode}>
              <Td>{label(b.categoryCode)}</Td>
              <Td className="tabular-nums">{formatGrant(b.budgetFen, locale)}</Td>
              <Td className="tabular-nums">{formatGrant(b.spentFen, locale)}</Td>
            </tr>
          ))}
        </Table>
      ) : null}
      {role === 'PI' && data.isPi && running && request ? (
        <Card title={t('projectLifecycle.requestTitle')}>
          <ChangeRequestForm
            action={request}
            projectId={data.project.id}
            lineItem={data.project.budgetMode === 'LINE_ITEM'}
            extendedMonths={data.extendedMonths}
            members={data.members
              .filter((m) => m.userId && m.userId !== data.project.piUserId)
              .map((m) => ({ userId: m.userId!, name: m.name }))}
            categories={data.categories.map((c) => ({ code: c.code, label: localized(locale, c.name, c.nameEn) }))}
          />
        </Card>
      ) : null}
    </div>
  );
}
