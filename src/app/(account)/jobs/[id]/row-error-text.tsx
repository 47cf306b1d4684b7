'use client';
import { useErrorText } from '@/components/forms/use-error-text';

/** A rejected row's problem ("tooMany?max=15" and the like) in the reader's language. */
export function RowErrorText({ code }: { code: string }) {
  const errorText = useErrorText();
  return <>{errorText(code) ?? code}</>;
}
