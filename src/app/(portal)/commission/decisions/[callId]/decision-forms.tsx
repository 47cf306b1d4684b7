'use client';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { DialogForm } from '@/components/forms/dialog-form';
import { formResolver } from '@/components/forms/form-resolver';
import { FormStatus } from '@/components/forms/form-status';
import { useActionForm } from '@/components/forms/use-action-form';
import { useErrorText } from '@/components/forms/use-error-text';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { inputClass, textareaClass } from '@/components/ui/styles';
import {
  ZApproveNonConsensus,
  ZDraftDecision,
  ZPublishDecisions,
  type TApproveNonConsensus,
  type TDraftDecision,
  type TPublishDecisions,
} from '@/lib/validation/decisions';
import { approveNonConsensusAction, draftDecisionAction, publishDecisionsAction } from '../actions';

export interface DraftValues {
  version: number;
  outcome: 'FUND' | 'WAITLIST' | 'REJECT';
  route: 'RANKING' | 'NON_CONSENSUS';
  awardedWan: string;
  conditions: string;
  reasons: string;
}

/** 作出决定 / 修改决定 for one application: outcome, route, amount in 万元 (≤ the request), conditions, reasons. */
export function DecideDialog({
  applicationId,
  subject,
  requestedWan,
  routed,
  current,
}: {
  applicationId: string;
  subject: string;
  requestedWan: string;
  /** The application's flag was routed to the non-consensus channel in review. */
  routed: boolean;
  current: DraftValues | null;
}) {
  const t = useTranslations('decisions');
  const te = useTranslations('enums');
  const errorText = useErrorText();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const form = useForm<TDraftDecision>({
    resolver: formResolver(ZDraftDecision),
    defaultValues: {
      applicationId,
      version: current?.version ?? 0,
      outcome: current?.outcome ?? 'FUND',
      route: current?.route ?? 'RANKING',
      awardedWan: current?.awardedWan ?? requestedWan,
      conditions: current?.conditions ?? '',
      reasons: current?.reasons ?? '',
    },
  });
  const { send, formError } = useActionForm(form);
  const outcome = useWatch({ control: form.control, name: 'outcome' });
  const onSubmit = form.handleSubmit(async (values) => {
    // Money and conditions belong to a FUND decision; the hidden fields must not travel with the others.
    const payload = values.outcome === 'FUND' ? values : { ...values, awardedWan: '', conditions: '' };
    if (await send(() => draftDecisionAction(payload))) {
      setOpen(false);
      router.refresh();
    }
  });
  const errors = form.formState.errors;
  return (
    <DialogForm
      title={t(current ? 'editTitle' : 'decideTitle', { subject })}
      triggerLabel={t(current ? 'edit' : 'decide')}
      open={open}
      onOpenChange={setOpen}
      onSubmit={onSubmit}
      pending={form.formState.isSubmitting}
      submitLabel={t('saveDraft')}
      formError={formError}
    >
      <p className="text-sm text-slate-700">{t('draftExplain')}</p>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t('outcome')} error={errorText(errors.outcome?.message)} required>
          <select className={inputClass} {...form.register('outcome')}>
            {(['FUND', 'WAITLIST', 'REJECT'] as const).map((o) => (
              <option key={o} value={o}>
                {te(`DecisionOutcome.${o}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field
          label={t('route')}
          hint={routed ? t('routeHintRouted') : t('routeHintNotRouted')}
          error={errorText(errors.route?.message)}
          required
        >
          <select className={inputClass} {...form.register('route')}>
            <option value="RANKING">{te('DecisionRoute.RANKING')}</option>
            <option value="NON_CONSENSUS">{te('DecisionRoute.NON_CONSENSUS')}</option>
          </select>
        </Field>
      </div>
      {outcome === 'FUND' ? (
        <>
          <Field
            label={t('awardedWan')}
            hint={t('awardedHint', { requested: requestedWan })}
            error={errorText(errors.awardedWan?.message)}
            required
          >
            <input className={inputClass} inputMode="decimal" {...form.register('awardedWan')} />
          </Field>
          <Field label={t('conditions')} hint={t('conditionsHint')} error={errorText(errors.conditions?.message)}>
            <textarea className={textareaClass} rows={3} {...form.register('conditions')} />
          </Field>
        </>
      ) : null}
      <Field label={t('reasons')} hint={t('reasonsHint')} error={errorText(errors.reasons?.message)} required>
        <textarea className={textareaClass} rows={4} {...form.register('reasons')} />
      </Field>
    </DialogForm>
  );
}

/** The second pair of eyes on a non-consensus FUND: another member of staff writes why and approves. */
export function ApproveNonConsensusDialog({
  decisionId,
  version,
  subject,
}: {
  decisionId: string;
  version: number;
  subject: string;
}) {
  const t = useTranslations('decisions');
  const errorText = useErrorText();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const form = useForm<TApproveNonConsensus>({
    resolver: formResolver(ZApproveNonConsensus),
    defaultValues: { decisionId, version, justification: '' },
  });
  const { send, formError } = useActionForm(form);
  const onSubmit = form.handleSubmit(async (values) => {
    if (await send(() => approveNonConsensusAction(values))) {
      setOpen(false);
      router.refresh();
    }
  });
  return (
    <DialogForm
      title={t('approveTitle', { subject })}
      triggerLabel={t('approve')}
      open={open}
      onOpenChange={setOpen}
      onSubmit={onSubmit}
      pending={form.formState.isSubmitting}
      submitLabel={t('approveSubmit')}
      formError={formError}
    >
      <p className="text-sm text-slate-700">{t('approveExplain')}</p>
      <Field
        label={t('justification')}
        hint={t('justificationHint')}
        error={errorText(form.formState.errors.justification?.message)}
        required
      >
        <textarea className={textareaClass} rows={6} {...form.register('justification')} />
      </Field>
    </DialogForm>
  );
}

/** 发布立项决定并公示: the whole batch at once, with the notice's title, text and length in working days. */
export function PublishForm({
  callId,
  defaultTitle,
  drafts,
}: {
  callId: string;
  defaultTitle: string;
  drafts: number;
}) {
  const t = useTranslations('decisions');
  const errorText = useErrorText();
  const router = useRouter();
  const form = useForm<TPublishDecisions>({
    resolver: formResolver(ZPublishDecisions),
    defaultValues: { callId, title: defaultTitle, body: '', workingDays: 5 },
  });
  const { send, formError, notice, setNotice } = useActionForm(form);
  const onSubmit = form.handleSubmit(async (values) => {
    const r = await send(() => publishDecisionsAction(values));
    if (r) {
      // The desk no longer has drafts (this form goes away): the notice just opened is where staff follow it now.
      setNotice(t('publishedNotice', { count: r.published, items: r.items, startsOn: r.startsOn, endsOn: r.endsOn }));
      router.push(`/commission/notices/${r.noticeId}`);
    }
  });
  const errors = form.formState.errors;
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4" aria-label={t('publishTitle')}>
      <FormStatus error={formError} notice={notice} />
      <Field label={t('noticeTitle')} error={errorText(errors.title?.message)} required>
        <input className={inputClass} {...form.register('title')} />
      </Field>
      <Field label={t('noticeBody')} hint={t('noticeBodyHint')} error={errorText(errors.body?.message)}>
        <textarea className={textareaClass} rows={4} {...form.register('body')} />
      </Field>
      <Field
        label={t('workingDays')}
        hint={t('workingDaysHint')}
        error={errorText(errors.workingDays?.message)}
        required
        className="w-48"
      >
        <input
          className={inputClass}
          inputMode="numeric"
          {...form.register('workingDays', {
            setValueAs: (v) => (v === '' || v === undefined ? undefined : Number(v)),
          })}
        />
      </Field>
      <div>
        <Button type="submit" pending={form.formState.isSubmitting}>
          {t('publishSubmit', { count: drafts })}
        </Button>
      </div>
    </form>
  );
}
