// Uploads are judged by their content, never their name: a PDF starts with "%PDF-" and ends (allowing trailing
// whitespace and incremental updates) with an "%%EOF" marker. A truncated or renamed file fails.

export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;

export type PdfProblem = 'empty' | 'tooLarge' | 'notPdf' | 'truncated';

export function checkPdf(bytes: Uint8Array, maxBytes: number): PdfProblem | null {
  if (bytes.length === 0) return 'empty';
  if (bytes.length > maxBytes) return 'tooLarge';
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 5));
  if (head !== '%PDF-') return 'notPdf';
  const tail = new TextDecoder('latin1').decode(bytes.subarray(Math.max(0, bytes.length - 1024)));
  if (!tail.includes('%%EOF')) return 'truncated';
  return null;
}

/** A file name safe to show and to send back in Content-Disposition (no paths, no control characters). */
export function cleanFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? 'file.pdf';
  const clean = base
    .replace(/[\u0000-\u001f\u007f"]/g, '')
    .trim()
    .slice(0, 120);
  return clean || 'file.pdf';
}
