import type { ReactNode } from 'react';
import { getTranslations } from 'next-intl/server';
import { Badge, EmptyState } from '@/components/ui/card';
import { Table, Td } from '@/components/ui/table';
import type { Locale } from '@/i18n/config';
import { formatDateTime, formatGrant, localized } from '@/lib/format';
import type { getProjectChanges } from '@/server/projects/changes';

export type ChangesData = Awaited<ReturnType<typeof getProjectChanges>>;
export type ChangeRow = ChangesData['changes'][number];

const STATUS_TONE = {
  REQUESTED: 'amber',
  INSTITUTION_APPROVED: 'blue',
  APPROVED: 'green',
  REJECTED: 'red',
  WITHDRAWN: 'slate',
} as const;

/** A project's change requests with what each asks and who said what; `actions` adds a role's buttons per row. */
export async function ChangesView({
  data,
  locale,
  actions,
}: {
  data: ChangesData;
  locale: Locale;
  actions?: (change: ChangeRow) => ReactNode;
}) {
  const t = await getTranslations();
  if (data.changes.length === 0) return <EmptyState title={t('projectLifecycle.noChanges')} />;
  const category = (code: string) => {
    const c = data.categories.find((x) => x.code === code);
    return c ? localized(locale, c.name, c.nameEn) : code;
  };
  const detail = (c: ChangeRow) => {
    const p = c.payload;
    switch (p.kind) {
      case 'EXTENSION':
        return t('projectLifecycle.extensionDetail', { months: p.months });
      case 'PI_CHANGE':
        return t('projectLifecycle.piChangeDetail', { name: p.newPiName });
      case 'MEMBER_CHANGE':
        return t('projectLifecycle.memberDetail', {
          add: p.add.map((id) => p.names[id] ?? id).join('、') || t('common.none'),
          remove: p.remove.map((id) => p.names[id] ?? id).join('、') || t('common.none'),
        });
      case 'BUDGET_REALLOCATION':
        return p.moves
          .map((m) =>
            t('projectLifecycle.moveDetail', {
              from: category(m.from),
              to: category(m.to),
              amount: formatGrant(BigInt(m.amountFen), locale),
            }),
          )
          .join('；');
    }
  };
  return (
    <Table
      caption={t('projectLifecycle.changesCaption')}
      head={[
        t('projectLifecycle.changeKind'),
        t('projectLifecycle.details'),
        t('projectLifecycle.reason'),
        t('projectLifecycle.status'),
        t('projectLifecycle.comments'),
        t('projectLifecycle.requestedAt'),
        t('common.actions'),
      ]}
    >
      {data.changes.map((c) => (
        <tr key={c.id}>
          <Td>{t(`enums.ChangeKind.${c.kind}`)}</Td>
          <Td className="max-w-xs break-words">{detail(c)}</Td>
          <Td className="max-w-xs break-words whitespace-pre-wrap">{c.reason}</Td>
          <Td>
            <Badge tone={STATUS_TONE[c.status]}>{t(`enums.ChangeStatus.${c.status}`)}</Badge>
          </Td>
          <Td className="max-w-xs break-words">
            {c.institutionComment ? (
              <p>{t('projectLifecycle.institutionComment', { comment: c.institutionComment })}</p>
            ) : null}
            {c.commissionComment ? (
              <p>{t('projectLifecycle.commissionComment', { comment: c.commissionComment })}</p>
            ) : null}
          </Td>
          <Td className="whitespace-nowrap">{formatDateTime(c.createdAt, locale)}</Td>
          <Td>{actions?.(c)}</Td>
        </tr>
      ))}
    </Table>
  );
}
