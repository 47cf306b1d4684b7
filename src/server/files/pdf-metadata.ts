import 'server-only';
import { PDFDocument, PDFName } from 'pdf-lib';

// What a PDF says about itself besides its pages: the document information dictionary (Title, Author, Subject,
// Keywords, Creator, Producer — word processors put the writer's name there) and the XMP metadata stream. Blind
// review (src/domain/review/blind.ts) hides the applicant from every field an expert reaches, and a file's metadata
// is one of them; pdf-lib (ADR 0007) rewrites the file without both.

/** Whether the PDF is encrypted: such a file cannot be checked or cleaned, so uploads refuse it. */
export async function isEncryptedPdf(bytes: Uint8Array): Promise<boolean> {
  try {
    // pdf-lib's EncryptedPDFError does not survive instanceof (ES5 classes), so ask the loaded document instead.
    return (await PDFDocument.load(bytes, { updateMetadata: false, ignoreEncryption: true })).isEncrypted;
  } catch {
    return false; // not readable as a PDF at all: checkPdf's judgement stands
  }
}

/**
 * The same PDF with its document information emptied and its XMP metadata removed; null when pdf-lib cannot read it
 * (the caller then must not hand the original to a blind reviewer).
 */
export async function stripPdfMetadata(bytes: Uint8Array): Promise<Uint8Array | null> {
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(bytes, { updateMetadata: false });
  } catch {
    return null;
  }
  doc.setTitle('');
  doc.setAuthor('');
  doc.setSubject('');
  doc.setKeywords([]);
  doc.setCreator('');
  doc.setProducer('');
  doc.catalog.delete(PDFName.of('Metadata'));
  return doc.save({ useObjectStreams: false });
}
