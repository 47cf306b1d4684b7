import type { FieldErrors } from 'react-hook-form';

/** The message at a dotted path of react-hook-form's nested errors (objects, arrays and array roots). */
export function errorAt(errors: FieldErrors | undefined, path: string): string | undefined {
  let node: unknown = errors;
  for (const part of path.split('.')) {
    if (!node || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  const n = node as { message?: unknown; root?: { message?: unknown } } | undefined;
  const message = n?.message ?? n?.root?.message;
  return typeof message === 'string' ? message : undefined;
}
