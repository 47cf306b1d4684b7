'use client';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useForm } from 'react-hook-form';
import { castPanelVoteAction } from '@/app/(portal)/commission/panels/actions';
import { formResolver } from '@/components/forms/form-resolver';
import { FormStatus } from '@/components/forms/form-status';
import { useActionForm } from '@/components/forms/use-action-form';
import { useErrorText } from '@/components/forms/use-error-text';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { inputClass, textareaClass } from '@/components/ui/styles';
import { PANEL_VOTES } from '@/domain/panel/pass-rule';
import { ZCastPanelVote, type TCastPanelVote } from '@/lib/validation/panels';

/** 同意 / 不同意 / 弃权 on the open item, with an optional score and comment. Cast once: it cannot be changed. */
export function VoteForm({ itemId, subject }: { itemId: string; subject: string }) {
  const t = useTranslations('panels');
  const tv = useTranslations('enums.PanelVoteChoice');
  const errorText = useErrorText();
  const router = useRouter();
  const form = useForm<TCastPanelVote>({
    resolver: formResolver(ZCastPanelVote) as never,
    defaultValues: { itemId, comment: '' },
  });
  const { send, formError } = useActionForm(form);
  const e = form.formState.errors;
  const onSubmit = form.handleSubmit(async () => {
    if (await send(() => castPanelVoteAction(form.getValues()))) router.refresh();
  });
  const voteError = errorText(e.vote?.message);
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4" aria-label={t('voteOn', { subject })}>
      <FormStatus error={formError} />
      <fieldset className="flex flex-col gap-2" aria-describedby={voteError ? `vote-error-${itemId}` : undefined}>
        <legend className="text-sm font-medium text-slate-800">
          {t('yourVote')}
          <span className="text-accent-600" aria-hidden="true">
            *
          </span>
        </legend>
        <div className="flex flex-wrap gap-4">
          {PANEL_VOTES.map((v) => (
            <label key={v} className="flex items-center gap-2 text-sm text-slate-800">
              <input type="radio" value={v} {...form.register('vote')} />
              {tv(v)}
            </label>
          ))}
        </div>
        {voteError ? (
          <p id={`vote-error-${itemId}`} role="alert" className="text-sm text-accent-600">
            {voteError}
          </p>
        ) : null}
      </fieldset>
      <Field label={t('score')} hint={t('scoreHint')} error={errorText(e.score?.message)} className="max-w-48">
        <input
          type="number"
          inputMode="decimal"
          step={0.01}
          min={0}
          max={100}
          className={inputClass}
          {...form.register('score', {
            setValueAs: (v) => (v === '' || v === null || v === undefined ? undefined : Number(v)),
          })}
        />
      </Field>
      <Field label={t('comment')} error={errorText(e.comment?.message)}>
        <textarea className={textareaClass} rows={3} {...form.register('comment')} />
      </Field>
      <p className="text-xs text-slate-600">{t('voteOnce')}</p>
      <div>
        <Button type="submit" pending={form.formState.isSubmitting}>
          {t('castVote')}
        </Button>
      </div>
    </form>
  );
}
