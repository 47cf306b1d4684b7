import { zodResolver } from '@hookform/resolvers/zod';
import type { FieldValues, Resolver } from 'react-hook-form';
import type { z } from 'zod';

/**
 * Checks a form in the browser with the server action's own schema, and hands the submit handler what was typed,
 * not what the schema makes of it. The server parses that raw input once. Submitting the parsed output instead
 * makes the server parse its own output, which fails wherever a schema transforms: an empty optional text becomes
 * null (not text), an amount in 万元 becomes fen (not a typed amount), a date string a Date.
 * Every form uses this; ESLint forbids importing zodResolver anywhere else.
 */
export function formResolver<T extends z.ZodType<unknown, FieldValues>>(schema: T): Resolver<z.input<T>> {
  return zodResolver(schema as never, undefined, { raw: true }) as unknown as Resolver<z.input<T>>;
}
