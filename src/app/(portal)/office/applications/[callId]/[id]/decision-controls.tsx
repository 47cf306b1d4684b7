'use client';
import { formResolver } from '@/components/forms/form-resolver';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { QuotaGauge, type QuotaState } from '@/components/applications/quota-gauge';
import { DialogForm } from '@/components/forms/dialog-form';
import { useActionForm } from '@/components/forms/use-action-form';
import { useErrorText } from '@/components/forms/use-error-text';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { textareaClass } from '@/components/ui/styles';
import type { RecommendationCheck } from '@/domain/application/recommendation';
import { ZReturnApplication } from '@/lib/validation/applications';
import { recommendApplicationsAction, returnApplicationAction } from '../../actions';

/** The office's two decisions on one submitted application: recommend (confirmed in a dialog) or return. */
export function DecisionControls({
  id,
  callId,
  code,
  quota,
  check,
}: {
  id: string;
  callId: string;
  code: string;
  quota: QuotaState;
  /** This one application as a batch of one, checked with the server's rule. */
  check: RecommendationCheck;
}) {
  const t = useTranslations();
  return (
    <div className="flex flex-col gap-4">
      <QuotaGauge state={quota} check={check} afterLabel={t('vetting.afterThis')} />
      <div className="flex flex-wrap gap-2">
        <RecommendOne id={id} callId={callId} quota={quota} check={check} />
        <ReturnDialog id={id} code={code} />
      </div>
    </div>
  );
}

function RecommendOne({
  id,
  callId,
  quota,
  check,
}: {
  id: string;
  callId: string;
  quota: QuotaState;
  check: RecommendationCheck;
}) {
  const t = useTranslations();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const form = useForm({ defaultValues: { callId, ids: [id] } });
  const { send, formError } = useActionForm(form);
  const onSubmit = form.handleSubmit(async (values) => {
    if (await send(() => recommendApplicationsAction(values))) setOpen(false);
    router.refresh();
  });
  return (
    <DialogForm
      title={t('vetting.confirmTitle')}
      trigger={<Button disabled={check.problems.length > 0}>{t('vetting.recommend')}</Button>}
      open={open}
      onOpenChange={setOpen}
      onSubmit={onSubmit}
      pending={form.formState.isSubmitting}
      submitLabel={t('vetting.confirm')}
      formError={formError}
    >
      <p className="text-sm text-slate-800">{t('vetting.confirmBody', { count: 1 })}</p>
      <QuotaGauge state={quota} check={check} afterLabel={t('vetting.afterThis')} />
    </DialogForm>
  );
}

function ReturnDialog({ id, code }: { id: string; code: string }) {
  const t = useTranslations();
  const errorText = useErrorText();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const form = useForm({ resolver: formResolver(ZReturnApplication), defaultValues: { id, comment: '' } });
  const { send, formError } = useActionForm(form);
  const onSubmit = form.handleSubmit(async (values) => {
    if (await send(() => returnApplicationAction(values))) {
      setOpen(false);
      router.refresh();
    }
  });
  return (
    <DialogForm
      title={t('vetting.returnTitle', { code })}
      trigger={<Button variant="secondary">{t('vetting.return')}</Button>}
      open={open}
      onOpenChange={setOpen}
      onSubmit={onSubmit}
      pending={form.formState.isSubmitting}
      submitLabel={t('vetting.returnSubmit')}
      formError={formError}
    >
      <Field
        label={t('vetting.returnComment')}
        hint={t('vetting.returnCommentHint')}
        error={errorText(form.formState.errors.comment?.message)}
        required
      >
        <textarea className={textareaClass} rows={6} {...form.register('comment')} />
      </Field>
    </DialogForm>
  );
}
