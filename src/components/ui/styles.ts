// Class strings shared by server and client components (a 'use client' module cannot export plain values to the
// server: they arrive as client references).

export const inputClass =
  'h-10 w-full rounded-md border border-slate-300 bg-white px-3 text-sm text-slate-900 placeholder:text-slate-500 ' +
  'aria-[invalid=true]:border-accent-600 disabled:bg-slate-100';

export const textareaClass =
  'min-h-28 w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 ' +
  'aria-[invalid=true]:border-accent-600';
