'use client';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useFieldArray, useForm, useWatch } from 'react-hook-form';
import { DialogForm } from '@/components/forms/dialog-form';
import { errorAt } from '@/components/forms/error-at';
import { formResolver } from '@/components/forms/form-resolver';
import { FormStatus } from '@/components/forms/form-status';
import { useActionForm } from '@/components/forms/use-action-form';
import { useErrorText } from '@/components/forms/use-error-text';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { inputClass, textareaClass } from '@/components/ui/styles';
import type { ActionResult } from '@/lib/errors';
import { ZDecideChange, ZRequestChange } from '@/lib/validation/project-lifecycle';

type Action<T = unknown> = (input: unknown) => Promise<ActionResult<T>>;
type Kind = 'EXTENSION' | 'PI_CHANGE' | 'MEMBER_CHANGE' | 'BUDGET_REALLOCATION';
type RequestValues = {
  projectId: string;
  kind: Kind;
  reason: string;
  months?: number;
  newPiUserId?: string;
  add: { email: string }[];
  remove: string[];
  moves: { from: string; to: string; amount: string }[];
};

/** What the chosen kind sends: the schema is a union on `kind`, so only that kind's fields go. */
function payloadOf(v: RequestValues) {
  const base = { projectId: v.projectId, kind: v.kind, reason: v.reason };
  switch (v.kind) {
    case 'EXTENSION':
      return { ...base, months: v.months };
    case 'PI_CHANGE':
      return { ...base, newPiUserId: v.newPiUserId ?? '' };
    case 'MEMBER_CHANGE':
      return { ...base, add: v.add.map((a) => a.email).filter((e) => e.trim() !== ''), remove: v.remove };
    case 'BUDGET_REALLOCATION':
      return { ...base, moves: v.moves };
  }
}

/** The PI's change request, one kind at a time, with the fields that kind needs. */
export function ChangeRequestForm({
  action,
  projectId,
  lineItem,
  extendedMonths,
  members,
  categories,
}: {
  action: Action;
  projectId: string;
  lineItem: boolean;
  extendedMonths: number;
  /** Current members other than the PI: candidates for PI and for leaving. */
  members: { userId: string; name: string }[];
  categories: { code: string; label: string }[];
}) {
  const t = useTranslations('projectLifecycle');
  const te = useTranslations('enums');
  const errorText = useErrorText();
  const router = useRouter();
  const form = useForm<RequestValues>({
    defaultValues: {
      projectId,
      kind: 'EXTENSION',
      reason: '',
      months: 6,
      add: [{ email: '' }],
      remove: [],
      moves: [{ from: '', to: '', amount: '' }],
    },
  });
  const adds = useFieldArray({ control: form.control, name: 'add' });
  const moves = useFieldArray({ control: form.control, name: 'moves' });
  const { send, formError, notice } = useActionForm(form);
  const kind = useWatch({ control: form.control, name: 'kind' });
  const remove = useWatch({ control: form.control, name: 'remove' });
  const errors = form.formState.errors;
  const err = (path: string) => errorText(errorAt(errors, path));
  const onSubmit = form.handleSubmit(async (values) => {
    const input = payloadOf(values);
    // The same schema as the server; its field errors land on the fields as they are named here.
    const parsed = ZRequestChange.safeParse(input);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const path = issue.path.join('.');
        form.setError((path.startsWith('add') ? 'add' : path) as never, { type: 'zod', message: issue.message });
      }
      return;
    }
    if (await send(() => action(input), t('requestSaved'))) {
      form.reset({ ...values, reason: '' });
      router.refresh();
    }
  });
  const kinds: Kind[] = [
    'EXTENSION',
    'PI_CHANGE',
    'MEMBER_CHANGE',
    ...(lineItem ? (['BUDGET_REALLOCATION'] as const) : []),
  ];
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4" aria-label={t('requestTitle')}>
      <FormStatus error={formError} notice={notice} />
      <Field label={t('changeKind')} className="max-w-xs">
        <select className={inputClass} {...form.register('kind')}>
          {kinds.map((k) => (
            <option key={k} value={k}>
              {te(`ChangeKind.${k}`)}
            </option>
          ))}
        </select>
      </Field>
      {kind === 'EXTENSION' ? (
        <Field
          label={t('months')}
          hint={t('monthsHint', { months: extendedMonths })}
          error={err('months')}
          required
          className="max-w-xs"
        >
          <input
            type="number"
            min={1}
            max={12}
            className={inputClass}
            {...form.register('months', { valueAsNumber: true })}
          />
        </Field>
      ) : null}
      {kind === 'PI_CHANGE' ? (
        <Field label={t('newPi')} error={err('newPiUserId')} required className="max-w-xs">
          <select className={inputClass} {...form.register('newPiUserId')}>
            <option value="">{t('choose')}</option>
            {members.map((m) => (
              <option key={m.userId} value={m.userId}>
                {m.name}
              </option>
            ))}
          </select>
        </Field>
      ) : null}
      {kind === 'MEMBER_CHANGE' ? (
        <>
          <fieldset className="flex flex-col gap-2">
            <legend className="text-sm font-medium text-slate-800">{t('addMembers')}</legend>
            {err('add') ? (
              <p className="text-sm text-accent-600" role="alert">
                {err('add')}
              </p>
            ) : null}
            {adds.fields.map((f, i) => (
              <Field key={f.id} label={`${t('addMembers')} ${i + 1}`} className="max-w-md">
                <input type="email" className={inputClass} {...form.register(`add.${i}.email`)} />
              </Field>
            ))}
            <div>
              <Button type="button" size="sm" variant="secondary" onClick={() => adds.append({ email: '' })}>
                {t('addMove')}
              </Button>
            </div>
          </fieldset>
          <fieldset className="flex flex-col gap-1">
            <legend className="text-sm font-medium text-slate-800">{t('removeMembers')}</legend>
            {err('remove') ? (
              <p className="text-sm text-accent-600" role="alert">
                {err('remove')}
              </p>
            ) : null}
            {members.map((m) => (
              <label key={m.userId} className="flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  checked={remove.includes(m.userId)}
                  onChange={(e) =>
                    form.setValue(
                      'remove',
                      e.target.checked ? [...remove, m.userId] : remove.filter((id) => id !== m.userId),
                    )
                  }
                />
                {m.name}
              </label>
            ))}
          </fieldset>
        </>
      ) : null}
      {kind === 'BUDGET_REALLOCATION' ? (
        <fieldset className="flex flex-col gap-2">
          <legend className="text-sm font-medium text-slate-800">{t('moves')}</legend>
          {err('moves') ? (
            <p className="text-sm text-accent-600" role="alert">
              {err('moves')}
            </p>
          ) : null}
          {moves.fields.map((f, i) => (
            <div key={f.id} className="flex flex-wrap items-end gap-2">
              <Field label={t('moveFrom')} error={err(`moves.${i}.from`)} className="w-48">
                <select className={inputClass} {...form.register(`moves.${i}.from`)}>
                  <option value="">{t('choose')}</option>
                  {categories.map((c) => (
                    <option key={c.code} value={c.code}>
                      {c.label}
                    </option>
                  ))}
                </select>
              </Field>
              <Field label={t('moveTo')} error={err(`moves.${i}.to`)} className="w-48">
                <select className={inputClass} {...form.register(`moves.${i}.to`)}>
                  <option value="">{t('choose')}</option>
                  {categories.map((c) => (
                    <option key={c.code} value={c.code}>
                      {c.label}
                    </option>
                  ))}
                </select>
              </Field>
              <Field label={t('moveAmount')} error={err(`moves.${i}.amount`)} className="w-36">
                <input inputMode="decimal" className={inputClass} {...form.register(`moves.${i}.amount`)} />
              </Field>
              {moves.fields.length > 1 ? (
                <Button
                  type="button"
                  size="sm"
                  variant="secondary"
                  onClick={() => moves.remove(i)}
                  aria-label={t('removeMove', { n: i + 1 })}
                >
                  {t('removeMove', { n: i + 1 })}
                </Button>
              ) : null}
            </div>
          ))}
          <div>
            <Button
              type="button"
              size="sm"
              variant="secondary"
              onClick={() => moves.append({ from: '', to: '', amount: '' })}
            >
              {t('addMove')}
            </Button>
          </div>
        </fieldset>
      ) : null}
      <Field label={t('reason')} error={err('reason')} required>
        <textarea className={textareaClass} rows={3} {...form.register('reason')} />
      </Field>
      <div>
        <Button type="submit" pending={form.formState.isSubmitting}>
          {t('requestSubmit')}
        </Button>
      </div>
    </form>
  );
}

type DecideValues = { changeId: string; version: number; decision?: 'APPROVE' | 'REJECT'; comment: string };

/** The office's or the commission's review of one request; the button pressed is the decision. */
export function DecideChangeForm({
  action,
  changeId,
  version,
  kindLabel,
}: {
  action: Action;
  changeId: string;
  version: number;
  kindLabel: string;
}) {
  const t = useTranslations('projectLifecycle');
  const errorText = useErrorText();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const form = useForm<DecideValues>({
    resolver: formResolver(ZDecideChange) as never,
    defaultValues: { changeId, version, comment: '' },
  });
  const { send, formError } = useActionForm(form);
  const onSubmit = form.handleSubmit(async (values) => {
    if (await send(() => action(values))) {
      setOpen(false);
      router.refresh();
    }
  });
  const title = t('decideTitle', { kind: kindLabel });
  return (
    <DialogForm
      title={title}
      triggerLabel={t('review')}
      open={open}
      onOpenChange={setOpen}
      onSubmit={onSubmit}
      pending={form.formState.isSubmitting}
      submitLabel={t('submitDecision')}
      formError={formError}
    >
      <Field label={t('comment')} hint={t('commentHint')} error={errorText(form.formState.errors.comment?.message)}>
        <textarea className={textareaClass} rows={3} {...form.register('comment')} />
      </Field>
      <fieldset className="flex gap-4 text-sm">
        <legend className="sr-only">{title}</legend>
        {(['APPROVE', 'REJECT'] as const).map((d) => (
          <label key={d} className="flex items-center gap-2">
            <input type="radio" value={d} {...form.register('decision')} />
            {t(d === 'APPROVE' ? 'approve' : 'reject')}
          </label>
        ))}
      </fieldset>
      {form.formState.errors.decision ? (
        <p className="text-sm text-accent-600" role="alert">
          {errorText(form.formState.errors.decision.message)}
        </p>
      ) : null}
    </DialogForm>
  );
}

/** The PI withdraws a request the commission has not decided. */
export function WithdrawChangeButton({
  action,
  changeId,
  version,
  kindLabel,
}: {
  action: Action;
  changeId: string;
  version: number;
  kindLabel: string;
}) {
  const t = useTranslations('projectLifecycle');
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="flex flex-col gap-1">
      <Button
        size="sm"
        variant="secondary"
        pending={pending}
        aria-label={t('withdrawLabel', { kind: kindLabel })}
        onClick={async () => {
          setPending(true);
          const r = await action({ changeId, version });
          setPending(false);
          if (r.ok) router.refresh();
          else setError(r.message);
        }}
      >
        {t('withdraw')}
      </Button>
      {error ? (
        <p className="text-xs text-accent-600" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
