import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import zh from '../../messages/zh-CN.json';
import { DomainError } from '@/lib/errors';
import type { Actor } from '@/server/auth/actor';
import { db } from '@/server/db';
import { FILE_PURPOSES, uploadFile } from '@/server/files/files';
import { fileStore } from '@/server/files/store';
import { actorFor, DEMO, seed } from './helpers';

// Hostile uploads (issue 9), property-based: random bytes, files that lie about their type (HTML, ZIP, PNG, a script
// with a .pdf name, '%PDF-' and '%%EOF' around garbage), truncated real PDFs, odd and path-like names. Each is either
// refused with a translatable message at the "file" field, storing nothing, or stored as a PDF that opens, under a
// cleaned name — never another error.

let researcher: Actor;
const sample = readFileSync(path.join(process.cwd(), 'tests/fixtures/sample.pdf'));
const enc = (s: string) => new TextEncoder().encode(s);
const concat = (...parts: Uint8Array[]) => Buffer.concat(parts.map((p) => Buffer.from(p)));
const errors = zh.errors as Record<string, string>;

beforeAll(async () => {
  await seed();
  researcher = await actorFor(DEMO.researcher);
});

const bytes = fc.oneof(
  fc.uint8Array({ maxLength: 2048 }),
  fc.uint8Array({ maxLength: 2048 }).map((b) => concat(enc('%PDF-1.7\n'), b, enc('\n%%EOF\n'))),
  fc.uint8Array({ maxLength: 512 }).map((b) => concat(enc('%PDF-1.4\n'), b)),
  fc.constantFrom(
    enc('<html><script>alert(document.cookie)</script></html>'),
    enc('PK\u0003\u0004 not really a zip'),
    concat(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), enc('IHDR')),
    enc('#!/bin/sh\nrm -rf /\n'),
    enc('%PDF-'),
    new Uint8Array(0),
  ),
  fc.integer({ min: 1, max: sample.length - 1 }).map((n) => sample.subarray(0, n)),
  fc.constant(sample),
);
const names = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.constantFrom(
    '../../etc/passwd',
    '..\\..\\windows\\system32\\x.pdf',
    '\u202Efdp.exe',
    'a\u0000b.pdf',
    '<img src=x onerror=alert(1)>.pdf',
    '申报书（终稿）.pdf',
    '',
  ),
);

describe('uploads under hostile input', () => {
  it('refuse with a message at the file field, storing nothing, or store a PDF under a clean name', async () => {
    let accepted = 0;
    const refused = new Set<string>();
    await fc.assert(
      fc.asyncProperty(bytes, names, async (body, name) => {
        const before = await db().storedFile.count();
        try {
          const stored = await uploadFile(db(), researcher, {
            name,
            bytes: Buffer.from(body),
            purpose: 'APPLICATION_ATTACHMENT',
          });
          const row = await db().storedFile.findUniqueOrThrow({ where: { id: stored.id } });
          expect(row.mimeType).toBe('application/pdf');
          expect(row.filename).not.toMatch(/[\\/\u0000-\u001f"]/);
          expect(row.filename.length).toBeGreaterThan(0);
          const kept = await fileStore().get(row.storageKey);
          expect(kept.subarray(0, 5).toString('latin1')).toBe('%PDF-');
          expect(kept.equals(Buffer.from(body))).toBe(true);
          accepted += 1;
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
          expect(error.code).toBe('VALIDATION');
          const key = error.fieldErrors?.file?.split('?')[0];
          expect(key && errors[key], `message for ${error.fieldErrors?.file}`).toBeTruthy();
          expect(await db().storedFile.count()).toBe(before);
          refused.add(key!);
        }
      }),
      { numRuns: 80, seed: 20261129 },
    );
    // The generator reached both outcomes and the refusals that matter: not a PDF, truncated, and a lying one.
    expect(accepted).toBeGreaterThan(0);
    expect([...refused]).toEqual(expect.arrayContaining(['file_notPdf', 'file_truncated', 'file_unreadable']));
  });

  it('refuse a file over its purpose’s size at the file field', async () => {
    const limit = FILE_PURPOSES.APPLICATION_ATTACHMENT * 1024 * 1024;
    const huge = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(limit), Buffer.from('\n%%EOF\n')]);
    const refused = await uploadFile(db(), researcher, {
      name: 'huge.pdf',
      bytes: huge,
      purpose: 'APPLICATION_ATTACHMENT',
    }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(DomainError);
    expect((refused as DomainError).fieldErrors).toEqual({
      file: `fileTooLarge?max=${FILE_PURPOSES.APPLICATION_ATTACHMENT}`,
    });
  });
});
