import { readdirSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import zh from '../../messages/zh-CN.json';
import { parseMsg } from '@/lib/validation/messages';

// Hostile input against every input schema (issue 9): property-based, with fast-check. Whatever arrives — wrong types,
// nesting, huge or odd strings, markup, SQL-looking text, control and right-to-left characters — a schema answers
// without throwing, and every refusal is a message the portal can show in Chinese, at a field.

const dir = path.join(process.cwd(), 'src/lib/validation');
const modules = readdirSync(dir).filter((f) => f.endsWith('.ts'));
const schemas: [string, z.ZodType][] = [];
for (const file of modules) {
  const mod = (await import(`@/lib/validation/${file.replace(/\.ts$/, '')}`)) as Record<string, unknown>;
  for (const [name, value] of Object.entries(mod)) {
    if (value instanceof z.ZodType && /^Z[A-Z]/.test(name)) schemas.push([`${file}:${name}`, value]);
  }
}

const errors = zh.errors as Record<string, unknown>;
const HOSTILE = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "' OR 1=1 --",
  'Robert"); DROP TABLE "User";--',
  '\u202Egnp.exe',
  '\u0000\u0001\u0007',
  '𠮷野家🍣',
  'a'.repeat(100_000),
  ' ',
  '',
  '1e309',
  '-0',
  'NaN',
  '9'.repeat(40),
];
const hostileValue = fc.oneof(
  fc.constantFrom(...HOSTILE),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.constantFrom(...HOSTILE), { maxLength: 3 }),
);

/** The schema's top-level keys, when it is an object (possibly wrapped in refinements or a pipe). */
function keysOf(schema: z.ZodType): string[] {
  const def = (schema as unknown as { def?: { shape?: Record<string, unknown>; in?: z.ZodType; schema?: z.ZodType } })
    .def;
  if (!def) return [];
  if (def.shape) return Object.keys(def.shape);
  if (def.in) return keysOf(def.in);
  if (def.schema) return keysOf(def.schema);
  return [];
}

function checkResult(name: string, result: z.ZodSafeParseResult<unknown>) {
  if (result.success) return;
  for (const issue of result.error.issues) {
    // A refusal the UI can translate: a key of the errors namespace (with parameters), or zod's own words for
    // structural mismatches, which the portal shows as 格式不正确 on the field (run-action.ts: translate()).
    expect(typeof issue.message, name).toBe('string');
    const { key } = parseMsg(issue.message);
    if (!(key in errors))
      expect(issue.message, `${name} ${issue.path.join('.')}`).toMatch(/^(Invalid|Too|Expected|Unrecognized)/);
  }
}

describe('every input schema under hostile input', () => {
  it('finds the schemas', () => {
    expect(schemas.length).toBeGreaterThan(60);
  });

  it.each(schemas)('%s answers anything without throwing', (name, schema) => {
    fc.assert(
      fc.property(fc.anything({ maxDepth: 3, maxKeys: 8 }), (value) => {
        checkResult(name, schema.safeParse(value));
      }),
      { numRuns: 60, seed: 2027 },
    );
  });

  it.each(schemas.filter(([, s]) => keysOf(s).length > 0))(
    '%s takes hostile text in every field: refused with a message, or kept as text (never interpreted)',
    (name, schema) => {
      const keys = keysOf(schema);
      fc.assert(
        fc.property(fc.dictionary(fc.constantFrom(...keys), hostileValue, { maxKeys: keys.length }), (input) => {
          const result = schema.safeParse(input);
          checkResult(name, result);
          if (result.success) {
            // Whatever string got through is a string: nothing evaluated it or turned it into markup.
            for (const v of Object.values(result.data as Record<string, unknown>)) {
              if (typeof v === 'string') expect(v.length).toBeLessThanOrEqual(100_000);
            }
          }
        }),
        { numRuns: 80, seed: 2027 },
      );
    },
  );
});
