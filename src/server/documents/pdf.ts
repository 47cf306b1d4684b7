import 'server-only';
import path from 'node:path';
import PDFDocument from 'pdfkit';

// Printable documents (ADR 0014): A4 PDFs in Chinese with the glyphs embedded (Noto Sans SC from an npm package,
// subset to the characters used, so a document is tens of KB), page numbers, and a watermark naming the viewer and the
// time on every page. A document is a list of blocks; each document type builds its own list (application-document.ts).

export type Block =
  | { kind: 'heading'; text: string }
  | { kind: 'fields'; rows: [label: string, value: string][] }
  | { kind: 'text'; label?: string; text: string }
  | { kind: 'table'; head: string[]; rows: string[][] };

export interface PrintDocument {
  title: string;
  subtitle?: string;
  blocks: Block[];
}

// The font files are read from node_modules at run time (a path Next's bundler leaves alone; see ADR 0014).
const FONT_DIR = path.join(process.cwd(), 'node_modules', '@expo-google-fonts', 'noto-sans-sc');
const REGULAR = path.join(FONT_DIR, '400Regular', 'NotoSansSC_400Regular.ttf');
const BOLD = path.join(FONT_DIR, '700Bold', 'NotoSansSC_700Bold.ttf');

const MARGIN = 56;

export function renderPdf(
  doc: PrintDocument,
  options: {
    watermark: string;
    pageLabel: (page: number, pages: number) => string;
    /** A blind copy: no title or author in the file's metadata (what a reader's "properties" dialog shows). */
    anonymous?: boolean;
  },
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const pdf = new PDFDocument({
      size: 'A4',
      margin: MARGIN,
      bufferPages: true,
      font: REGULAR,
      lang: 'zh-CN',
      displayTitle: !options.anonymous,
      info: options.anonymous
        ? { Creator: '京研 Jingyan' }
        : { Title: doc.title, Author: '京研 Jingyan', Creator: '京研 Jingyan' },
    });
    pdf.registerFont('body', REGULAR).registerFont('bold', BOLD);
    const chunks: Buffer[] = [];
    pdf.on('data', (c: Buffer) => chunks.push(c));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);

    const width = pdf.page.width - 2 * MARGIN;
    pdf.font('bold').fontSize(18).fillColor('#111').text(doc.title, { align: 'center' });
    if (doc.subtitle)
      pdf.moveDown(0.3).font('body').fontSize(10).fillColor('#444').text(doc.subtitle, { align: 'center' });
    pdf.moveDown();
    for (const block of doc.blocks) {
      switch (block.kind) {
        case 'heading':
          pdf.moveDown(0.6).font('bold').fontSize(13).fillColor('#0b3a75').text(block.text);
          pdf
            .moveTo(MARGIN, pdf.y + 2)
            .lineTo(MARGIN + width, pdf.y + 2)
            .lineWidth(0.5)
            .strokeColor('#9db4d8')
            .stroke();
          pdf.moveDown(0.4);
          break;
        case 'fields':
          for (const [label, value] of block.rows) {
            pdf.font('bold').fontSize(10).fillColor('#333').text(`${label}：`, { continued: true });
            pdf
              .font('body')
              .fillColor('#111')
              .text(value || '—');
          }
          pdf.moveDown(0.3);
          break;
        case 'text':
          if (block.label) pdf.font('bold').fontSize(11).fillColor('#222').text(block.label).moveDown(0.2);
          pdf
            .font('body')
            .fontSize(10.5)
            .fillColor('#111')
            .text(block.text || '—', { align: 'justify', paragraphGap: 4, lineGap: 2 });
          pdf.moveDown(0.4);
          break;
        case 'table':
          if (block.rows.length === 0) break;
          pdf.font('body').fontSize(9.5).fillColor('#111');
          pdf.table({
            rowStyles: (i: number) => (i === 0 ? { backgroundColor: '#eef4ff' } : {}),
            data: [block.head, ...block.rows],
          });
          pdf.moveDown(0.5);
          break;
      }
    }

    // Watermark and page numbers go on last, over finished pages: drawing them while text is still flowing would
    // change the line widths of the text being laid out.
    const { start, count } = pdf.bufferedPageRange();
    for (let i = start; i < start + count; i++) {
      pdf.switchToPage(i);
      const { width: w, height: h } = pdf.page;
      pdf
        .save()
        .font('body')
        .fontSize(26)
        .fillColor('#888')
        .fillOpacity(0.18)
        .rotate(-35, { origin: [w / 2, h / 2] })
        .text(options.watermark, 0, h / 2 - 13, { width: w, align: 'center', lineBreak: false })
        .restore();
      const bottom = pdf.page.margins.bottom;
      pdf.page.margins.bottom = 0; // writing in the margin must not start a new page
      pdf
        .font('body')
        .fontSize(9)
        .fillColor('#555')
        .fillOpacity(1)
        .text(options.pageLabel(i - start + 1, count), 0, h - 36, { width: w, align: 'center', lineBreak: false });
      pdf.page.margins.bottom = bottom;
    }
    pdf.end();
  });
}
