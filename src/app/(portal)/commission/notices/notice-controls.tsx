'use client';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { DialogForm } from '@/components/forms/dialog-form';
import { formResolver } from '@/components/forms/form-resolver';
import { FormStatus } from '@/components/forms/form-status';
import { useActionForm } from '@/components/forms/use-action-form';
import { useErrorText } from '@/components/forms/use-error-text';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { textareaClass } from '@/components/ui/styles';
import { ZHandleObjection, type THandleObjection } from '@/lib/validation/decisions';
import {
  dismissObjectionAction,
  runNoticeSweepAction,
  startObjectionReviewAction,
  upholdObjectionAction,
} from './actions';

/** 处理到期公示: closes every notice whose period has ended and makes its decisions final (also runs on page load). */
export function SweepButton() {
  const t = useTranslations('notices');
  const router = useRouter();
  const form = useForm();
  const { send, formError, notice, setNotice } = useActionForm(form);
  const onSubmit = form.handleSubmit(async () => {
    const r = await send(() => runNoticeSweepAction({}));
    if (r) {
      setNotice(t('sweptNotice', { closed: r.closed, finalised: r.finalised, held: r.held }));
      router.refresh();
    }
  });
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-2" aria-label={t('sweep')}>
      <FormStatus error={formError} notice={notice} />
      <div>
        <Button type="submit" variant="secondary" pending={form.formState.isSubmitting}>
          {t('sweep')}
        </Button>
      </div>
    </form>
  );
}

/** 开始处理: FILED → UNDER_REVIEW. */
export function StartReviewButton({
  objectionId,
  version,
  subject,
}: {
  objectionId: string;
  version: number;
  subject: string;
}) {
  const t = useTranslations('notices');
  const router = useRouter();
  const form = useForm();
  const { send, formError } = useActionForm(form);
  const onSubmit = form.handleSubmit(async () => {
    if (await send(() => startObjectionReviewAction({ objectionId, version }))) router.refresh();
  });
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-2">
      <FormStatus error={formError} />
      <div>
        <Button
          type="submit"
          size="sm"
          variant="secondary"
          aria-label={t('startReviewLabel', { subject })}
          pending={form.formState.isSubmitting}
        >
          {t('startReview')}
        </Button>
      </div>
    </form>
  );
}

/** 异议成立 (uphold) or 驳回 (dismiss), each with a written note. */
export function HandleObjectionDialog({
  objectionId,
  version,
  subject,
  mode,
}: {
  objectionId: string;
  version: number;
  subject: string;
  mode: 'uphold' | 'dismiss';
}) {
  const t = useTranslations('notices');
  const errorText = useErrorText();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const form = useForm<THandleObjection>({
    resolver: formResolver(ZHandleObjection),
    defaultValues: { objectionId, version, handlingNote: '' },
  });
  const { send, formError } = useActionForm(form);
  const onSubmit = form.handleSubmit(async (values) => {
    const done =
      mode === 'uphold'
        ? await send(() => upholdObjectionAction(values))
        : await send(() => dismissObjectionAction(values));
    if (done) {
      setOpen(false);
      router.refresh();
    }
  });
  return (
    <DialogForm
      title={t(mode === 'uphold' ? 'upholdTitle' : 'dismissTitle', { subject })}
      triggerLabel={t(mode)}
      open={open}
      onOpenChange={setOpen}
      onSubmit={onSubmit}
      pending={form.formState.isSubmitting}
      submitLabel={t(mode === 'uphold' ? 'upholdSubmit' : 'dismissSubmit')}
      formError={formError}
    >
      <p className="text-sm text-slate-700">{t(mode === 'uphold' ? 'upholdExplain' : 'dismissExplain')}</p>
      <Field
        label={t(mode === 'uphold' ? 'handlingNote' : 'dismissReason')}
        error={errorText(form.formState.errors.handlingNote?.message)}
        required
      >
        <textarea className={textareaClass} rows={5} {...form.register('handlingNote')} />
      </Field>
    </DialogForm>
  );
}
