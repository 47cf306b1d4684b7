'use client';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { FieldValues, Path, UseFormReturn } from 'react-hook-form';
import type { ActionResult } from '@/lib/errors';

// Autosave for a long form — an application draft, an expert's review (like ISIS and ASSIST, but without a "save"
// button to forget): two seconds after the
// last keystroke the draft goes to the server with the version the page holds. Everything typed is also kept in
// this browser's localStorage until the server has it, so a lost session, a closed tab or a crash loses nothing.
// The server may answer STALE (saved elsewhere in the meantime) or UNAUTHENTICATED (session over): the form keeps
// its text and says what to do.

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date }
  | { kind: 'error'; message: string }
  | { kind: 'stale' }
  | { kind: 'unauthenticated'; message: string };

/** What a save answers: the new version and when, plus whatever the form shows from it (the application's check). */
export type Saved = { version: number; savedAt: string };

const DELAY_MS = 2000;

export interface Backup<T> {
  values: T;
  at: number;
}

/** What this browser kept under `key` and the server may not have (null when nothing or unreadable). */
export function readBackup<T>(key: string): Backup<T> | null {
  try {
    const raw = window.localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as Backup<T>) : null;
  } catch {
    return null;
  }
}

export function useAutosave<T extends FieldValues, R extends Saved>({
  form,
  backupKey,
  initialVersion,
  save,
  onSaved,
  networkMessage,
}: {
  form: UseFormReturn<T>;
  /** The localStorage key of this record's unsaved copy. */
  backupKey: string;
  initialVersion: number;
  /** Sends the values with the version the page holds. */
  save: (values: T, version: number) => Promise<ActionResult<R>>;
  onSaved?: (saved: R) => void;
  networkMessage: string;
}) {
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const version = useRef(initialVersion);
  const dirty = useRef(false);
  const inFlight = useRef<Promise<boolean> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const blocked = useRef(false); // after STALE: stop sending until the person reloads

  const backup = useCallback(() => {
    try {
      window.localStorage.setItem(
        backupKey,
        JSON.stringify({ values: form.getValues(), at: Date.now() } satisfies Backup<T>),
      );
    } catch {
      // Storage full or disabled: the server copy is still being saved.
    }
  }, [form, backupKey]);

  const send = useCallback(async (): Promise<boolean> => {
    if (blocked.current) return false;
    dirty.current = false;
    setState({ kind: 'saving' });
    let result: ActionResult<R> | null;
    try {
      result = await save(form.getValues(), version.current);
    } catch {
      result = null;
    }
    if (result?.ok) {
      version.current = result.data.version;
      form.clearErrors();
      onSaved?.(result.data);
      setState({ kind: 'saved', at: new Date(result.data.savedAt) });
      if (!dirty.current) window.localStorage.removeItem(backupKey);
      return true;
    }
    dirty.current = true;
    if (!result) setState({ kind: 'error', message: networkMessage });
    else if (result.code === 'STALE') {
      blocked.current = true;
      setState({ kind: 'stale' });
    } else if (result.code === 'UNAUTHENTICATED') setState({ kind: 'unauthenticated', message: result.message });
    else {
      for (const [field, message] of Object.entries(result.fieldErrors ?? {})) {
        form.setError(field as Path<T>, { type: 'server', message });
      }
      setState({ kind: 'error', message: result.message });
    }
    return false;
  }, [form, backupKey, save, onSaved, networkMessage]);

  /** Saves now if anything is unsaved; waits for a save already under way. Resolves true when the server has it all. */
  const flush = useCallback(async (): Promise<boolean> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    // Typed again while a save was travelling: save once more, until the server has everything.
    for (;;) {
      while (inFlight.current) await inFlight.current;
      if (!dirty.current) return !blocked.current;
      const p = send().finally(() => {
        inFlight.current = null;
      });
      inFlight.current = p;
      if (!(await p)) return false;
    }
  }, [send]);

  useEffect(() => {
    const sub = form.watch((_values, { type }) => {
      // Programmatic changes made by the form itself (reset after a restore) count too.
      void type;
      dirty.current = true;
      backup();
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), DELAY_MS);
    });
    return () => sub.unsubscribe();
  }, [form, backup, flush]);

  useEffect(() => {
    const warn = (e: BeforeUnloadEvent) => {
      if (dirty.current || inFlight.current) e.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, []);

  /** The version the server last answered: what a final submission must carry. */
  const currentVersion = useCallback(() => version.current, []);

  return { state, flush, markDirty: () => (dirty.current = true), currentVersion };
}
