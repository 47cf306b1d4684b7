'use client';
import { useTranslations } from 'next-intl';
import { useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import type { ActionResult } from '@/lib/errors';
import { formatFileSize } from '@/lib/format';

/** A stored file as a form holds it: the id goes to the server, the name (and size, when known) to the person. */
export type UploadedFile = { id: string; filename: string; sizeBytes?: number };

/**
 * One PDF, uploaded as soon as it is chosen (POST /api/files), so the form itself only carries the stored file's id.
 * The server judges the file by its content and size and answers in the visitor's language; its message is shown
 * under the field. A failed upload keeps the previous file.
 */
export function PdfUpload({
  label,
  purpose,
  maxMb,
  value,
  onChange,
  error,
  hint,
  required,
  onPendingChange,
}: {
  label: string;
  /** The upload purpose the server knows (it sets the size limit): "WORK_EVIDENCE", "APPLICATION_ATTACHMENT" … */
  purpose: string;
  /** The purpose's limit, for the hint and to refuse an oversized file before sending it. */
  maxMb: number;
  value: UploadedFile | null;
  onChange: (file: UploadedFile | null) => void;
  /** A message from the form (already translated), e.g. the server refusing the file id on save. */
  error?: string;
  /** Replaces the default hint ("PDF only, up to … MB"). */
  hint?: string;
  required?: boolean;
  /** Lets the form hold its submit button while a file is on its way. */
  onPendingChange?: (pending: boolean) => void;
}) {
  const t = useTranslations('pdfUpload');
  const te = useTranslations('errors');
  const input = useRef<HTMLInputElement>(null);
  const [uploading, setUploading] = useState(false);
  const [uploadError, setUploadError] = useState<string | null>(null);

  const clearInput = () => {
    if (input.current) input.current.value = '';
  };

  async function upload(file: File) {
    setUploadError(null);
    if (file.size > maxMb * 1024 * 1024) {
      setUploadError(te('fileTooLarge', { max: maxMb }));
      clearInput();
      return;
    }
    setUploading(true);
    onPendingChange?.(true);
    try {
      const body = new FormData();
      body.append('file', file);
      body.append('purpose', purpose);
      const response = await fetch('/api/files', { method: 'POST', body });
      if (response.status === 413) throw new RangeError('too large');
      const result = (await response.json()) as ActionResult<{ id: string; filename: string; sizeBytes: number }>;
      if (result.ok) {
        onChange({ id: result.data.id, filename: result.data.filename, sizeBytes: result.data.sizeBytes });
      } else {
        setUploadError(result.fieldErrors?.file ?? result.message);
        clearInput();
      }
    } catch (e) {
      setUploadError(e instanceof RangeError ? te('fileTooLarge', { max: maxMb }) : te('INTERNAL'));
      clearInput();
    } finally {
      setUploading(false);
      onPendingChange?.(false);
    }
  }

  return (
    <Field label={label} hint={hint ?? t('hint', { max: maxMb })} error={uploadError ?? error} required={required}>
      {(control) => (
        <div className="relative flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
          {/* The native control stays (keyboard, screen readers, tests); the visible button is its second label,
                so the browser's own "no file chosen" text does not mix into the form's language. */}
          <input
            {...control}
            ref={input}
            type="file"
            accept="application/pdf,.pdf"
            disabled={uploading}
            className="peer sr-only"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) void upload(file);
            }}
          />
          <label
            htmlFor={control.id}
            className="inline-flex h-9 cursor-pointer items-center rounded-md border border-slate-300 bg-white px-3 font-medium text-slate-800 peer-focus-visible:ring-2 peer-focus-visible:ring-brand-700 peer-disabled:cursor-not-allowed peer-disabled:text-slate-400 hover:bg-slate-100"
          >
            {value ? t('replace') : t('choose')}
          </label>
          <p role="status" className="text-slate-700">
            {uploading ? (
              t('uploading')
            ) : value ? (
              <>
                <span className="sr-only">{t('current')}</span>
                <a href={`/api/files/${value.id}`} className="break-all text-brand-800 underline">
                  {value.filename}
                </a>
                {value.sizeBytes !== undefined ? (
                  <span className="text-slate-600">{t('size', { size: formatFileSize(value.sizeBytes) })}</span>
                ) : null}
              </>
            ) : (
              <span className="text-slate-600">{t('none')}</span>
            )}
          </p>
          {value && !uploading ? (
            <Button
              type="button"
              variant="ghost"
              size="sm"
              aria-label={t('removeFile', { filename: value.filename })}
              onClick={() => {
                setUploadError(null);
                clearInput();
                onChange(null);
                input.current?.focus();
              }}
            >
              {t('remove')}
            </Button>
          ) : null}
        </div>
      )}
    </Field>
  );
}
