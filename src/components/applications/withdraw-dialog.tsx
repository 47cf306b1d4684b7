'use client';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { DialogForm } from '@/components/forms/dialog-form';
import { useActionForm } from '@/components/forms/use-action-form';
import { useErrorText } from '@/components/forms/use-error-text';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { textareaClass } from '@/components/ui/styles';
import type { ActionResult } from '@/lib/errors';

/**
 * Withdrawing is final for this call; a reason is asked so the office (or, for a platform, the commission) knows why
 * a place freed up. Shared by the researcher's and the office's application pages: `ns` is the message namespace.
 */
export function WithdrawDialog({
  ns,
  id,
  withdraw,
}: {
  ns: 'applications' | 'platformApply';
  id: string;
  withdraw: (input: { id: string; reason: string }) => Promise<ActionResult<unknown>>;
}) {
  const t = useTranslations(ns);
  const errorText = useErrorText();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const form = useForm<{ id: string; reason: string }>({ defaultValues: { id, reason: '' } });
  const { send, formError } = useActionForm(form);
  const onSubmit = form.handleSubmit(async () => {
    const data = await send(() => withdraw(form.getValues()));
    if (data) {
      setOpen(false);
      router.refresh();
    }
  });
  return (
    <DialogForm
      title={t('withdrawTitle')}
      trigger={<Button variant="danger">{t('withdraw')}</Button>}
      open={open}
      onOpenChange={setOpen}
      onSubmit={onSubmit}
      pending={form.formState.isSubmitting}
      submitLabel={t('confirmWithdraw')}
      formError={formError}
    >
      <p className="text-sm text-slate-700">{t('withdrawBody')}</p>
      <Field label={t('withdrawReason')} error={errorText(form.formState.errors.reason?.message)} required>
        <textarea className={textareaClass} {...form.register('reason')} />
      </Field>
    </DialogForm>
  );
}
