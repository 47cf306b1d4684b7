'use client';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { PdfUpload } from '@/components/forms/pdf-upload';
import { Card } from '@/components/ui/card';
import type { ActionResult } from '@/lib/errors';

export interface AttachmentSlot {
  key: string;
  label: string;
  required: boolean;
  maxMb: number;
}

type Attach = (input: { applicationId: string; slotKey: string; fileId: string }) => Promise<ActionResult<unknown>>;
type Detach = (input: { applicationId: string; slotKey: string }) => Promise<ActionResult<unknown>>;

/**
 * One upload per slot the program's rules name; each change is stored at once (not with the autosaved text).
 * Shared by the researcher's project application and the office's platform application: `ns` is the message
 * namespace (it holds sectionAttachments, attachmentsHint, noAttachmentSlots, optional, networkError), and the two
 * actions are that editor's own.
 */
export function AttachmentsPanel({
  ns,
  applicationId,
  slots,
  attached,
  attach,
  detach,
  blindReview = false,
}: {
  ns: 'applications' | 'platformApply';
  applicationId: string;
  slots: AttachmentSlot[];
  attached: { slotKey: string; id: string; filename: string }[];
  attach: Attach;
  detach: Detach;
  /** The program reviews blind: the files must not name the team (their page text cannot be redacted). */
  blindReview?: boolean;
}) {
  const t = useTranslations(ns);
  const tApplications = useTranslations('applications');
  const router = useRouter();
  const [errors, setErrors] = useState<Record<string, string>>({});

  async function change(slotKey: string, file: { id: string; filename: string } | null) {
    setErrors((e) => ({ ...e, [slotKey]: '' }));
    const r = await (
      file ? attach({ applicationId, slotKey, fileId: file.id }) : detach({ applicationId, slotKey })
    ).catch(() => null);
    if (r?.ok) router.refresh();
    else {
      const message = r ? (r.fieldErrors?.[`attachments.${slotKey}`] ?? r.message) : t('networkError');
      setErrors((e) => ({ ...e, [slotKey]: message }));
    }
  }

  return (
    <Card title={t('sectionAttachments')}>
      <div className="flex flex-col gap-4">
        <p className="text-sm text-slate-700">{t('attachmentsHint')}</p>
        {blindReview ? (
          <p className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
            {tApplications('blindAttachmentsHint')}
          </p>
        ) : null}
        {slots.length === 0 ? <p className="text-sm text-slate-600">{t('noAttachmentSlots')}</p> : null}
        {slots.map((slot) => {
          const current = attached.find((a) => a.slotKey === slot.key);
          return (
            <div key={slot.key} id={`f-attachments.${slot.key}`}>
              <PdfUpload
                label={slot.required ? slot.label : `${slot.label}（${t('optional')}）`}
                purpose="APPLICATION_ATTACHMENT"
                maxMb={slot.maxMb}
                value={current ? { id: current.id, filename: current.filename } : null}
                onChange={(file) => void change(slot.key, file)}
                error={errors[slot.key] || undefined}
                required={slot.required}
              />
            </div>
          );
        })}
      </div>
    </Card>
  );
}
