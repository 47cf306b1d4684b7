'use client';
import { useTranslations } from 'next-intl';
import type { FormEventHandler, ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { FormStatus } from './form-status';

/**
 * The one "edit in a dialog" pattern: a trigger button, a titled modal, the form's status line, its fields and a
 * submit button that shows it is busy. Row triggers carry the row's subject in their accessible name
 * ("编辑：someone@…") so that a screen reader — and a test — can tell twenty Edit buttons apart.
 */
export function DialogForm({
  title,
  trigger,
  triggerLabel,
  open,
  onOpenChange,
  onSubmit,
  pending,
  submitLabel,
  formError,
  notice,
  children,
}: {
  title: string;
  /** A prominent button (page actions) when absent; a small row button with this visible label when given. */
  triggerLabel?: string;
  trigger?: ReactNode;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onSubmit: FormEventHandler<HTMLFormElement>;
  pending: boolean;
  submitLabel: string;
  formError: string | null;
  notice?: string | null;
  children: ReactNode;
}) {
  const t = useTranslations('common');
  const button =
    trigger ??
    (triggerLabel ? (
      <Button size="sm" variant="secondary" aria-label={title}>
        {triggerLabel}
      </Button>
    ) : (
      <Button>{title}</Button>
    ));
  return (
    <Dialog open={open} onOpenChange={onOpenChange} title={title} closeLabel={t('close')} trigger={button}>
      <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4">
        <FormStatus error={formError} notice={notice} />
        {children}
        <div className="flex justify-end">
          <Button type="submit" pending={pending}>
            {pending ? t('saving') : submitLabel}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
