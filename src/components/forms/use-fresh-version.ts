'use client';
import { useEffect, useRef } from 'react';

/**
 * Keeps a form's optimistic-lock `version` in step with the page. After a save the page re-renders with the record's
 * new version, but react-hook-form keeps the version it was mounted with: the next save (of this form, or of another
 * form on the same record) would be refused as "changed by someone else". When the version the page shows changes,
 * this takes it; given `values`, it also resets the form to what the page now shows (rows that gained ids on save
 * must not be sent again as new ones). Typed text is kept unless `values` is given.
 */
export function useFreshVersion<T extends { version?: number }>(
  form: { setValue: (name: 'version', value: number) => void; reset: (values: T) => void },
  version: number | undefined,
  values?: T,
) {
  const seen = useRef(version);
  useEffect(() => {
    if (version === undefined || seen.current === version) return;
    seen.current = version;
    if (values) form.reset(values);
    else form.setValue('version', version);
  }, [form, version, values]);
}
