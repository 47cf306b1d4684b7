'use client';
import { formResolver } from '@/components/forms/form-resolver';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { FormStatus } from '@/components/forms/form-status';
import { useActionForm } from '@/components/forms/use-action-form';
import { useErrorText } from '@/components/forms/use-error-text';
import { Button } from '@/components/ui/button';
import { Alert } from '@/components/ui/card';
import { Field } from '@/components/ui/field';
import { inputClass } from '@/components/ui/styles';
import { ZExtendCall } from '@/lib/validation/calls';
import { extendCallAction, importQuotasAction, setCallQuotasAction, transitionCallAction } from './actions';

type Transition = 'publish' | 'close' | 'start_review' | 'decide' | 'archive';

/** The next step of a call, as one button (with a confirmation where it cannot be undone). */
export function CallTransitionButton({
  id,
  version,
  transition,
  disabledReason,
}: {
  id: string;
  version: number;
  transition: Transition;
  disabledReason?: string;
}) {
  const t = useTranslations('calls');
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="flex flex-col gap-2">
      <Button
        pending={pending}
        disabled={Boolean(disabledReason)}
        onClick={() => {
          if (transition === 'publish' && !window.confirm(t('confirmPublish'))) return;
          startTransition(async () => {
            setError(null);
            const result = await transitionCallAction({ id, version, transition });
            if (!result.ok) setError(result.message);
            router.refresh();
          });
        }}
      >
        {t(`transitions.${transition}`)}
      </Button>
      {disabledReason ? <p className="text-xs text-slate-600">{disabledReason}</p> : null}
      {error ? <Alert tone="error">{error}</Alert> : null}
    </div>
  );
}

export function ExtendDeadlineForm({ id, version, closesAt }: { id: string; version: number; closesAt: string }) {
  const t = useTranslations();
  const errorText = useErrorText();
  const router = useRouter();
  const form = useForm({ resolver: formResolver(ZExtendCall) as never, defaultValues: { id, version, closesAt } });
  const { send, formError, notice } = useActionForm(form);
  const onSubmit = form.handleSubmit(async () => {
    if (await send(() => extendCallAction(form.getValues()), t('calls.extended'))) router.refresh();
  });
  const message = (form.formState.errors as { closesAt?: { message?: string } }).closesAt?.message;
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-3" aria-label={t('calls.extend')}>
      <FormStatus error={formError} notice={notice} />
      <Field label={t('calls.newDeadline')} hint={t('calls.beijingHint')} error={errorText(message)}>
        <input type="datetime-local" step={1} className={inputClass} {...form.register('closesAt')} />
      </Field>
      <div>
        <Button type="submit" variant="secondary" pending={form.formState.isSubmitting}>
          {t('calls.extend')}
        </Button>
      </div>
    </form>
  );
}

type QuotaRow = { institutionId: string; name: string; eligible: boolean; maxRecommended: number };

/** 限额 per institution; eligible institutions first, the others shown so a wrong entry is visible and refused. */
export function QuotasEditor({ callId, version, rows }: { callId: string; version: number; rows: QuotaRow[] }) {
  const t = useTranslations();
  const errorText = useErrorText();
  const router = useRouter();
  const form = useForm({
    defaultValues: {
      callId,
      version,
      quotas: rows.map((r) => ({ institutionId: r.institutionId, maxRecommended: r.maxRecommended })),
    },
  });
  const { send, formError, notice } = useActionForm(form);
  const onSubmit = form.handleSubmit(async (values) => {
    const saved = await send(() => setCallQuotasAction(values), t('calls.quotasSaved'));
    if (saved) {
      form.setValue('version', saved.version);
      router.refresh();
    }
  });
  const errors = form.formState.errors as {
    quotas?: { message?: string } & Record<number, { maxRecommended?: { message?: string } }>;
  };
  const quotas = useWatch({ control: form.control, name: 'quotas' });
  const total = quotas.reduce((s, q) => s + (Number.isFinite(q.maxRecommended) ? q.maxRecommended : 0), 0);
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-3" aria-label={t('calls.quotas')}>
      <FormStatus error={formError} notice={notice} />
      {errors.quotas?.message ? <Alert tone="error">{errorText(errors.quotas.message)}</Alert> : null}
      <div className="overflow-x-auto">
        <table className="min-w-full text-sm">
          <caption className="sr-only">{t('calls.quotas')}</caption>
          <thead>
            <tr className="text-left text-slate-700">
              <th scope="col" className="py-1 pr-3 font-medium">
                {t('calls.institution')}
              </th>
              <th scope="col" className="py-1 font-medium">
                {t('calls.maxRecommended')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={r.institutionId} className="border-t border-slate-100">
                <td className="py-1 pr-3">
                  {r.name}
                  {!r.eligible ? (
                    <span className="ml-1 text-xs text-slate-600">（{t('calls.notEligible')}）</span>
                  ) : null}
                </td>
                <td className="py-1">
                  <input
                    type="number"
                    min={0}
                    aria-label={`${t('calls.maxRecommended')}：${r.name}`}
                    aria-invalid={errors.quotas?.[i]?.maxRecommended ? true : undefined}
                    className={`${inputClass} w-24`}
                    {...form.register(`quotas.${i}.maxRecommended`, { valueAsNumber: true })}
                  />
                  {errors.quotas?.[i]?.maxRecommended?.message ? (
                    <p role="alert" className="text-xs text-accent-600">
                      {errorText(errors.quotas?.[i]?.maxRecommended?.message)}
                    </p>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="text-sm text-slate-700">{t('calls.quotaTotal', { total })}</p>
      <div>
        <Button type="submit" variant="secondary" pending={form.formState.isSubmitting}>
          {t('calls.saveQuotas')}
        </Button>
      </div>
    </form>
  );
}

/** 限额导入: upload an Excel sheet; nothing is written unless every row is right, and the report says what is not. */
export function ImportQuotasForm({ callId, version }: { callId: string; version: number }) {
  const t = useTranslations('imports');
  const errorText = useErrorText();
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [result, setResult] = useState<Awaited<ReturnType<typeof importQuotasAction>> | null>(null);
  // A row's own problem or a program rule the quotas break: both are messages of the errors namespace.
  const label = (code: string) => errorText(code) ?? code;
  return (
    <form
      aria-label={t('quotasTitle')}
      className="flex flex-col gap-3"
      onSubmit={async (e) => {
        e.preventDefault();
        if (pending) return;
        setPending(true);
        const r = await importQuotasAction(new FormData(e.currentTarget)).catch(() => null);
        setResult(r);
        setPending(false);
        if (r?.ok && r.data.ok) router.refresh();
      }}
    >
      <input type="hidden" name="callId" value={callId} />
      <input type="hidden" name="version" value={version} />
      <p className="text-sm text-slate-700">{t('quotasHint')}</p>
      <label className="flex flex-col gap-1 text-sm">
        {t('file')}
        <input
          type="file"
          name="file"
          required
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        />
      </label>
      <div>
        <Button type="submit" variant="secondary" pending={pending}>
          {t('import')}
        </Button>
      </div>
      {result === null ? null : !result.ok ? (
        <Alert tone="error">{result.message}</Alert>
      ) : result.data.ok ? (
        <Alert tone="success">{t('imported', { count: result.data.imported, total: result.data.total })}</Alert>
      ) : (
        <div role="alert" className="flex flex-col gap-2 text-sm">
          <p className="font-medium text-accent-600">
            {result.data.fileError ? t(`fileErrors.${result.data.fileError}`) : t('failed')}
          </p>
          {result.data.errors.length ? (
            <table className="w-full text-left">
              <caption className="sr-only">{t('failed')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('row')}</th>
                  <th scope="col">{t('column')}</th>
                  <th scope="col">{t('problem')}</th>
                </tr>
              </thead>
              <tbody>
                {result.data.errors.map((e, i) => (
                  <tr key={i}>
                    <td>{e.row || '—'}</td>
                    <td>{t(`columns.${e.column as 'quota'}`)}</td>
                    <td>{label(e.code)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </div>
      )}
    </form>
  );
}
