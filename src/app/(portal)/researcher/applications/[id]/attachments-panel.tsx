'use client';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { PdfUpload } from '@/components/forms/pdf-upload';
import { Card } from '@/components/ui/card';
import { attachFileAction, detachFileAction } from '../actions';

export interface AttachmentSlot {
  key: string;
  label: string;
  required: boolean;
  maxMb: number;
}

/** One upload per slot the program's rules name; each change is stored at once (not with the autosaved text). */
export function AttachmentsPanel({
  applicationId,
  slots,
  attached,
}: {
  applicationId: string;
  slots: AttachmentSlot[];
  attached: { slotKey: string; id: string; filename: string }[];
}) {
  const t = useTranslations('applications');
  const router = useRouter();
  const [errors, setErrors] = useState<Record<string, string>>({});

  async function change(slotKey: string, file: { id: string; filename: string } | null) {
    setErrors((e) => ({ ...e, [slotKey]: '' }));
    const r = await (
      file
        ? attachFileAction({ applicationId, slotKey, fileId: file.id })
        : detachFileAction({ applicationId, slotKey })
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
              />
            </div>
          );
        })}
      </div>
    </Card>
  );
}
