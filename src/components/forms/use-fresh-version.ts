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

/**
 * The version to send with the next save of a form that stays mounted: the one its own last save returned, or the
 * page's when a refresh brings a newer one. A second save made before the page has refreshed is not refused as stale.
 */
export function useSaveVersion(pageVersion: number) {
  const latest = useRef(pageVersion);
  useEffect(() => {
    if (pageVersion > latest.current) latest.current = pageVersion;
  }, [pageVersion]);
  return {
    current: () => latest.current,
    saved: (version: number) => {
      latest.current = Math.max(latest.current, version);
    },
  };
}
