import 'server-only';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRef, PDFStream, type PDFObject } from 'pdf-lib';

// What a PDF says about itself besides its pages: the document information dictionary (Title, Author, Subject,
// Keywords, Creator, Producer — word processors put the writer's name there) and the XMP metadata stream. Blind
// review (src/domain/review/blind.ts) hides the applicant from every field an expert reaches, and a file's metadata
// is one of them; pdf-lib (ADR 0007) rewrites the file without both.

/**
 * What stops a file that passed checkPdf (its first and last bytes) from being kept: encrypted (it can be neither
 * checked nor cleaned for blind review), or unreadable — '%PDF-' and '%%EOF' around something that is no PDF, or a
 * PDF without a page. Null when it opens with at least one page.
 */
export async function pdfProblem(bytes: Uint8Array): Promise<'encrypted' | 'unreadable' | null> {
  try {
    // pdf-lib's EncryptedPDFError does not survive instanceof (ES5 classes), so ask the loaded document instead.
    const doc = await PDFDocument.load(bytes, { updateMetadata: false, ignoreEncryption: true });
    if (doc.isEncrypted) return 'encrypted';
    return doc.getPageCount() > 0 ? null : 'unreadable';
  } catch {
    return 'unreadable';
  }
}

/**
 * The same PDF with its document information emptied and its XMP metadata removed; null when pdf-lib cannot read it
 * (the caller then must not hand the original to a blind reviewer).
 *
 * pdf-lib writes every object it loaded, referenced or not: unlinking the XMP stream from the catalog (or emptying
 * fields of the old information dictionary) would leave the author's name in the file's bytes for anyone who opens
 * it as text. So the information dictionary is replaced by a new one (the old may hold more than the six standard
 * fields: Company, Manager …), `/Metadata` is dropped from every dictionary (pages and images carry XMP too), and only
 * the objects still reachable from the trailer are written.
 */
export async function stripPdfMetadata(bytes: Uint8Array): Promise<Uint8Array | null> {
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(bytes, { updateMetadata: false });
  } catch {
    return null;
  }
  doc.context.trailerInfo.Info = doc.context.register(doc.context.obj({}));
  doc.setTitle('');
  doc.setAuthor('');
  doc.setSubject('');
  doc.setKeywords([]);
  doc.setCreator('');
  doc.setProducer('');
  keepOnlyReachable(doc);
  return doc.save({ useObjectStreams: false });
}

/** Drops `/Metadata` from every dictionary reachable from the trailer, then every object no longer reachable. */
function keepOnlyReachable(doc: PDFDocument): void {
  const { context } = doc;
  const metadata = PDFName.of('Metadata');
  const reached = new Set<PDFRef>();
  const pending: PDFObject[] = [context.trailerInfo.Root, context.trailerInfo.Info].filter(
    (o): o is PDFObject => o !== undefined,
  );
  while (pending.length) {
    const object = pending.pop()!;
    if (object instanceof PDFRef) {
      if (reached.has(object)) continue;
      reached.add(object);
      const target = context.lookup(object);
      if (target) pending.push(target);
    } else if (object instanceof PDFDict || object instanceof PDFStream) {
      const dict = object instanceof PDFStream ? object.dict : object;
      dict.delete(metadata);
      for (const [, value] of dict.entries()) pending.push(value);
    } else if (object instanceof PDFArray) {
      pending.push(...object.asArray());
    }
  }
  for (const [ref] of context.enumerateIndirectObjects()) if (!reached.has(ref)) context.delete(ref);
}
