'use client';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { errorAt } from '@/components/forms/error-at';
import { formResolver } from '@/components/forms/form-resolver';
import { FormStatus } from '@/components/forms/form-status';
import { useActionForm } from '@/components/forms/use-action-form';
import { useErrorText } from '@/components/forms/use-error-text';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { textareaClass } from '@/components/ui/styles';
import type { ActionResult } from '@/lib/errors';
import { ZDecideRaceRound, type TDecideRaceRound } from '@/lib/validation/project-lifecycle';

type Action<T = unknown> = (input: unknown) => Promise<ActionResult<T>>;

/** Opens a challenge's cut round: its running teams enter the mid-term. */
export function OpenRoundButton({
  action,
  challengeId,
  title,
}: {
  action: Action<{ id: string }>;
  challengeId: string;
  title: string;
}) {
  const t = useTranslations('projectLifecycle');
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  return (
    <div className="flex flex-col gap-1">
      <Button
        size="sm"
        pending={pending}
        aria-label={t('openRoundLabel', { title })}
        onClick={async () => {
          setPending(true);
          const r = await action({ challengeId });
          setPending(false);
          setMessage(r.ok ? { ok: true, text: t('roundOpened') } : { ok: false, text: r.message });
          if (r.ok) router.push(`/commission/races/${r.data.id}`);
        }}
      >
        {t('openRound')}
      </Button>
      {message ? (
        <p
          className={message.ok ? 'text-xs text-slate-700' : 'text-xs text-accent-600'}
          role={message.ok ? 'status' : 'alert'}
        >
          {message.text}
        </p>
      ) : null}
    </div>
  );
}

/** The decision: a written justification, and the kept teams when the ranking leaves a tie at the cut line. */
export function DecideRoundForm({
  action,
  roundId,
  version,
  tied,
  defaultKeep,
}: {
  action: Action;
  roundId: string;
  version: number;
  /** The teams to choose among when the ranking leaves a tie at the cut line (empty when it decides alone). */
  tied: { id: string; label: string }[];
  /** The teams ranked above the tie, kept whatever staff choose among the tied. */
  defaultKeep: string[];
}) {
  const t = useTranslations('projectLifecycle');
  const errorText = useErrorText();
  const router = useRouter();
  const form = useForm<TDecideRaceRound>({
    resolver: formResolver(ZDecideRaceRound),
    defaultValues: { roundId, version, justification: '', keep: defaultKeep },
  });
  const { send, formError, notice } = useActionForm(form);
  const keep = useWatch({ control: form.control, name: 'keep' }) ?? [];
  const onSubmit = form.handleSubmit(async (values) => {
    if (await send(() => action(values), t('roundDecided'))) router.refresh();
  });
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-3" aria-label={t('decideRound')}>
      <FormStatus error={formError} notice={notice} />
      {tied.length ? (
        <fieldset className="flex flex-col gap-1">
          <legend className="text-sm font-medium text-slate-800">{t('keepTeams')}</legend>
          <p className="text-xs text-slate-600">{t('keepHint')}</p>
          {errorText(errorAt(form.formState.errors, 'keep')) ? (
            <p className="text-sm text-accent-600" role="alert">
              {errorText(errorAt(form.formState.errors, 'keep'))}
            </p>
          ) : null}
          {tied.map((team) => (
            <label key={team.id} className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                checked={keep.includes(team.id)}
                onChange={(e) =>
                  form.setValue('keep', e.target.checked ? [...keep, team.id] : keep.filter((id) => id !== team.id))
                }
              />
              {team.label}
            </label>
          ))}
        </fieldset>
      ) : null}
      <Field label={t('justification')} error={errorText(form.formState.errors.justification?.message)} required>
        <textarea className={textareaClass} rows={4} {...form.register('justification')} />
      </Field>
      <div>
        <Button type="submit" pending={form.formState.isSubmitting}>
          {t('decideRound')}
        </Button>
      </div>
    </form>
  );
}
