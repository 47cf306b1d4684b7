import 'server-only';
import { createHash, randomUUID } from 'node:crypto';
import { checkPdf, cleanFilename } from '@/domain/files/pdf';
import { can } from '@/domain/auth/permissions';
import { DomainError } from '@/lib/errors';
import type { Db, DbOrTx } from '../db';
import type { Actor } from '../auth/actor';
import { assertCan } from '../auth/authorize';
import { committeeFileReadable } from '../committee/meetings';
import { platformFileReadable } from '../platforms/reports';
import { recordAudit } from '../audit/record-audit';
import { pdfProblem } from './pdf-metadata';
import { fileStore } from './store';

export const FILE_PURPOSES = {
  WORK_EVIDENCE: 20,
  APPLICATION_ATTACHMENT: 50,
  MEETING_MATERIAL: 50,
  CONSULTATION_REPORT: 50,
  PLATFORM_REPORT: 50,
} as const;
export type FilePurpose = keyof typeof FILE_PURPOSES;

/** Stores an uploaded PDF after checking its content and size; returns its id for the form to attach. */
export async function uploadFile(
  client: Db,
  actor: Actor,
  input: { name: string; bytes: Buffer; purpose: FilePurpose },
) {
  assertCan(actor, 'upload:file:own');
  const maxBytes = FILE_PURPOSES[input.purpose] * 1024 * 1024;
  const problem = checkPdf(input.bytes, maxBytes);
  if (problem) {
    throw new DomainError('VALIDATION', 'checkFields', {
      file: problem === 'tooLarge' ? `fileTooLarge?max=${FILE_PURPOSES[input.purpose]}` : `file_${problem}`,
    });
  }
  // A PDF must open: an encrypted one can be neither checked nor stripped of its metadata for blind review, and a
  // file that only looks like a PDF at its ends would reach reviewers broken.
  const unfit = await pdfProblem(input.bytes);
  if (unfit) throw new DomainError('VALIDATION', 'checkFields', { file: `file_${unfit}` });
  const id = randomUUID();
  const now = new Date();
  const storageKey = `${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, '0')}/${id}`;
  await fileStore().put(storageKey, input.bytes);
  const filename = cleanFilename(input.name);
  const sha256 = createHash('sha256').update(input.bytes).digest('hex');
  return client.$transaction(async (tx) => {
    const file = await tx.storedFile.create({
      data: {
        storageKey,
        filename,
        mimeType: 'application/pdf',
        sizeBytes: input.bytes.length,
        sha256,
        ownerId: actor.userId,
        purpose: input.purpose,
      },
      select: { id: true, filename: true, sizeBytes: true, sha256: true },
    });
    await recordAudit(tx, {
      actor,
      action: 'file.upload',
      entityType: 'StoredFile',
      entityId: file.id,
      summary: { filename, sizeBytes: input.bytes.length, sha256, purpose: input.purpose },
    });
    return file;
  });
}

/**
 * Keeps a file the portal made or took in for its owner alone (an import's sheet, a background export's result):
 * written to the store under a fresh key, its row in the caller's transaction. Only its owner reads it (`readFile`).
 */
export async function storeOwnFile(
  tx: DbOrTx,
  input: {
    ownerId: string;
    filename: string;
    mimeType: string;
    bytes: Buffer;
    purpose: 'IMPORT_SHEET' | 'EXPORT_RESULT';
  },
) {
  const id = randomUUID();
  const now = new Date();
  const storageKey = `${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, '0')}/${id}`;
  await fileStore().put(storageKey, input.bytes);
  return tx.storedFile.create({
    data: {
      storageKey,
      filename: cleanFilename(input.filename),
      mimeType: input.mimeType,
      sizeBytes: input.bytes.length,
      sha256: createHash('sha256').update(input.bytes).digest('hex'),
      ownerId: input.ownerId,
      purpose: input.purpose,
    },
    select: { id: true, filename: true, sizeBytes: true },
  });
}

/**
 * A file for download, authorised like the record it belongs to: its uploader; for an application's attachment the
 * PI, its members, its institution's office once submitted, and commission staff once recommended; for work
 * evidence, the researcher's institution office and commission staff; for a strategy meeting's material or a
 * consultation report's file, as `committeeFileReadable` says; for a platform's annual report, whoever reads the
 * platform (`platformFileReadable`). Anyone else gets NOT_FOUND.
 */
export async function readFile(client: Db, actor: Actor, id: string) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new DomainError('NOT_FOUND');
  const file = await client.storedFile.findFirst({
    where: { id, deletedAt: null },
    select: {
      id: true,
      storageKey: true,
      filename: true,
      mimeType: true,
      ownerId: true,
      attachments: {
        select: {
          application: {
            select: { applicantId: true, institutionId: true, status: true, members: { select: { userId: true } } },
          },
        },
      },
      works: { select: { user: { select: { researcherProfile: { select: { institutionId: true } } } } } },
    },
  });
  if (!file) throw new DomainError('NOT_FOUND');
  const allowed =
    file.ownerId === actor.userId ||
    file.attachments.some(({ application: a }) => {
      if (a.applicantId === actor.userId || a.members.some((m) => m.userId === actor.userId)) return true;
      if (
        can(actor.role, 'review:application:institution') &&
        a.institutionId === actor.institutionId &&
        a.status !== 'DRAFT'
      )
        return true;
      return can(actor.role, 'check:application:all') && !['DRAFT', 'SUBMITTED', 'RETURNED'].includes(a.status);
    }) ||
    file.works.some(
      (w) =>
        can(actor.role, 'check:application:all') ||
        (can(actor.role, 'review:application:institution') &&
          w.user.researcherProfile?.institutionId === actor.institutionId),
    );
  if (
    !allowed &&
    !(await committeeFileReadable(client, actor, file.id)) &&
    !(await platformFileReadable(client, actor, file.id))
  )
    throw new DomainError('NOT_FOUND');
  return { filename: file.filename, mimeType: file.mimeType, bytes: await fileStore().get(file.storageKey) };
}
