import 'server-only';
import { redactForBlindReview } from '@/domain/review/blind';
import { notFound } from '@/lib/errors';
import { formatDateTime } from '@/lib/format';
import type { Actor } from '../auth/actor';
import type { Db } from '../db';
import { getApplicationForReader } from '../applications/review-side';
import { blindAlsoHideFor } from '../review/blind-names';
import { callRules } from '../review/call-rules';
import { getAssignmentForExpert } from '../review/expert-work';
import { applicationDocument, pageLabelFor, watermarkFor, type PrintableSnapshot } from './application-document';
import { renderPdf } from './pdf';
import { consumeRateLimit } from '../security/rate-limit';

// The application as a PDF, for exactly the people who may read it on screen, scoped the same way (the reader
// lookups below authorize and scope; anyone else gets "not found"). The watermark names the viewer and the time.

export interface PdfFile {
  filename: string;
  mimeType: 'application/pdf';
  bytes: Buffer;
}

async function print(
  actor: Actor,
  input: { code: string | null; versionNo: number | null; snapshot: PrintableSnapshot },
  locale: string,
  now: Date,
): Promise<PdfFile> {
  const bytes = await renderPdf(applicationDocument(input, locale), {
    watermark: watermarkFor(actor.name, formatDateTime(now), locale),
    pageLabel: pageLabelFor(locale),
    anonymous: input.snapshot.blind,
  });
  // A blind copy's file name is as neutral as the attachments' names in blind review: lower-case code, no title.
  const code = input.code ?? 'application';
  const name = input.snapshot.blind ? `${code.toLowerCase().replace(/[^a-z0-9]+/g, '_')}_blind.pdf` : `${code}.pdf`;
  return { filename: name, mimeType: 'application/pdf', bytes };
}

/**
 * The submitted application for its PI and members, its office and commission staff. `blind` prints the redacted
 * version an expert of a blind program reads (staff check what experts will see).
 */
export async function applicationPdf(
  client: Db,
  actor: Actor,
  applicationId: string,
  options: { blind?: boolean; locale: string; now?: Date },
): Promise<PdfFile> {
  const app = await getApplicationForReader(client, actor, applicationId);
  if (!app.snapshot) throw notFound();
  await consumeRateLimit(client, 'pdf', actor.userId);
  let snapshot: PrintableSnapshot = { blind: false, full: app.snapshot };
  if (options.blind) {
    const { rules } = await callRules(client, app.callId);
    snapshot = {
      blind: true,
      redacted: redactForBlindReview(app.snapshot, {
        slots: rules.requiredAttachments,
        alsoHide: await blindAlsoHideFor(client, app.id),
      }),
    };
  }
  return print(
    actor,
    { code: app.code, versionNo: app.versions[0]?.number ?? null, snapshot },
    options.locale,
    options.now ?? new Date(),
  );
}

/** The application an expert reviews, through their assignment: blind exactly when the program reviews blind. */
export async function assignmentPdf(
  client: Db,
  actor: Actor,
  assignmentId: string,
  options: { locale: string; now?: Date },
): Promise<PdfFile> {
  const a = await getAssignmentForExpert(client, actor, assignmentId);
  if (!a.snapshot) throw notFound();
  await consumeRateLimit(client, 'pdf', actor.userId);
  return print(
    actor,
    { code: a.code, versionNo: null, snapshot: a.snapshot },
    options.locale,
    options.now ?? new Date(),
  );
}
