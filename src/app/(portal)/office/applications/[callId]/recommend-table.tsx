'use client';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { ApplicationStatusBadge, type ApplicationStatusName } from '@/components/applications/status-badge';
import { QuotaGauge, type QuotaState } from '@/components/applications/quota-gauge';
import { DialogForm } from '@/components/forms/dialog-form';
import { FormStatus } from '@/components/forms/form-status';
import { useActionForm } from '@/components/forms/use-action-form';
import { Button } from '@/components/ui/button';
import { Badge, Card, EmptyState } from '@/components/ui/card';
import { Table, Td } from '@/components/ui/table';
import { checkRecommendation } from '@/domain/application/recommendation';
import { recommendApplicationsAction } from '../actions';

export interface VettingRow {
  id: string;
  code: string | null;
  title: string;
  applicant: string;
  youthTrack: boolean;
  ageOnDeadline: number | null;
  status: ApplicationStatusName;
  /** Already formatted in Beijing time. */
  submittedAt: string;
}

/**
 * The call's applications with a checkbox on each one awaiting vetting. The quota and the youth share after the
 * selected batch are previewed with checkRecommendation, the rule the server applies to the same batch; the
 * server still decides (another office user may have recommended meanwhile) and its refusal is shown as it says it.
 */
export function RecommendTable({
  callId,
  rows,
  quota,
  closed,
}: {
  callId: string;
  rows: VettingRow[];
  quota: QuotaState;
  /** The institution review deadline has passed: nothing can be selected. */
  closed: boolean;
}) {
  const t = useTranslations();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const form = useForm<{ callId: string; ids: string[] }>({ defaultValues: { callId, ids: [] } });
  const { send, formError, notice } = useActionForm(form);
  const ids = useWatch({ control: form.control, name: 'ids' });
  const selectable = closed ? [] : rows.filter((r) => r.status === 'SUBMITTED');
  // Only rows still awaiting vetting: after a refresh a ticked row may have been decided by someone else.
  const chosen = selectable.filter((r) => ids.includes(r.id));
  const check = chosen.length
    ? checkRecommendation(
        quota,
        chosen.map((r) => ({ youth: r.youthTrack })),
        quota.minYouthShareBp,
      )
    : undefined;
  const blocked = !check || check.problems.length > 0;
  const setIds = (next: string[]) => form.setValue('ids', next, { shouldDirty: true });
  const allChosen = selectable.length > 0 && selectable.every((r) => ids.includes(r.id));

  const onSubmit = form.handleSubmit(async () => {
    const batch = { callId, ids: chosen.map((r) => r.id) };
    const done = await send(
      () => recommendApplicationsAction(batch),
      t('vetting.recommendedNotice', { count: batch.ids.length }),
    );
    // Closed either way: the outcome (notice or the server's refusal) is shown above the table, and the quota is
    // re-read — after a refusal it is usually what changed (another office user recommended meanwhile).
    setOpen(false);
    if (done) form.reset({ callId, ids: [] });
    router.refresh();
  });

  return (
    <div className="grid gap-6 xl:grid-cols-[1fr_22rem]">
      <div className="flex min-w-0 flex-col gap-3">
        <FormStatus error={formError} notice={notice} />
        {rows.length === 0 ? (
          <EmptyState title={t('vetting.noApplications')} />
        ) : (
          <Table
            caption={t('vetting.applicationsTitle')}
            head={[
              selectable.length ? (
                <input
                  key="all"
                  type="checkbox"
                  className="h-4 w-4"
                  aria-label={t('vetting.selectAll')}
                  checked={allChosen}
                  onChange={(e) => setIds(e.target.checked ? selectable.map((r) => r.id) : [])}
                />
              ) : (
                <span key="all" className="sr-only">
                  {t('vetting.colSelect')}
                </span>
              ),
              t('vetting.colCode'),
              t('vetting.colTitle'),
              t('vetting.colApplicant'),
              t('vetting.colYouth'),
              t('vetting.colAge'),
              t('vetting.colStatus'),
              t('vetting.colSubmittedAt'),
            ]}
          >
            {rows.map((r) => {
              const canSelect = selectable.includes(r);
              return (
                <tr key={r.id} className={ids.includes(r.id) ? 'bg-brand-50' : undefined}>
                  <Td>
                    {canSelect ? (
                      <input
                        type="checkbox"
                        className="h-4 w-4"
                        aria-label={t('vetting.select', { code: r.code ?? r.title })}
                        checked={ids.includes(r.id)}
                        onChange={(e) =>
                          setIds(
                            e.target.checked ? [...ids.filter((x) => x !== r.id), r.id] : ids.filter((x) => x !== r.id),
                          )
                        }
                      />
                    ) : null}
                  </Td>
                  <Td className="font-mono text-xs whitespace-nowrap">{r.code ?? '—'}</Td>
                  <Td className="max-w-80 min-w-48">
                    <Link href={`/office/applications/${callId}/${r.id}`} className="text-brand-800 underline">
                      {r.title || '—'}
                    </Link>
                  </Td>
                  <Td className="whitespace-nowrap">{r.applicant}</Td>
                  <Td>{r.youthTrack ? <Badge tone="green">{t('common.yes')}</Badge> : t('common.no')}</Td>
                  <Td className="tabular-nums">{r.ageOnDeadline ?? '—'}</Td>
                  <Td className="whitespace-nowrap">
                    <ApplicationStatusBadge status={r.status} />
                  </Td>
                  <Td className="text-xs whitespace-nowrap tabular-nums">
                    {/* "2026-11-28 18:36:30" on two lines: the date, then the time. */}
                    {r.submittedAt.split(' ').map((part, i) => (
                      <span key={i} className="block">
                        {part}
                      </span>
                    ))}
                  </Td>
                </tr>
              );
            })}
          </Table>
        )}
      </div>
      <div className="flex flex-col gap-4">
        <Card title={t('vetting.quotaCardTitle')}>
          <div className="flex flex-col gap-5">
            <QuotaGauge state={quota} />
            {check ? (
              <div className="border-t border-slate-200 pt-4">
                <QuotaGauge
                  state={quota}
                  check={check}
                  afterLabel={t('vetting.afterSelection', { count: chosen.length })}
                />
              </div>
            ) : null}
          </div>
        </Card>
        {closed ? null : (
          <div className="flex flex-col gap-2">
            <p className="text-sm text-slate-700" aria-live="polite">
              {chosen.length ? t('vetting.selected', { count: chosen.length }) : t('vetting.chooseFirst')}
            </p>
            <DialogForm
              title={t('vetting.confirmTitle')}
              trigger={<Button disabled={blocked}>{t('vetting.recommendSelected')}</Button>}
              open={open}
              onOpenChange={setOpen}
              onSubmit={onSubmit}
              pending={form.formState.isSubmitting}
              submitLabel={t('vetting.confirm')}
              formError={null}
            >
              <p className="text-sm text-slate-800">{t('vetting.confirmBody', { count: chosen.length })}</p>
              <ul className="flex max-h-60 flex-col gap-1 overflow-y-auto text-sm">
                {chosen.map((r) => (
                  <li key={r.id} className="flex flex-wrap items-center gap-2">
                    <span className="font-mono text-xs">{r.code}</span>
                    <span>{r.title}</span>
                    <span className="text-slate-600">{r.applicant}</span>
                    {r.youthTrack ? <Badge tone="green">{t('vetting.colYouth')}</Badge> : null}
                  </li>
                ))}
              </ul>
              {check ? (
                <QuotaGauge
                  state={quota}
                  check={check}
                  afterLabel={t('vetting.afterSelection', { count: chosen.length })}
                />
              ) : null}
            </DialogForm>
          </div>
        )}
      </div>
    </div>
  );
}
