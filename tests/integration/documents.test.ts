import { beforeAll, describe, expect, it } from 'vitest';
import { PDFDocument } from 'pdf-lib';
import { extractText, getDocumentProxy } from 'unpdf';
import { db } from '@/server/db';
import { applicationPdf } from '@/server/documents/application-pdf';
import { taskBookPdf } from '@/server/documents/task-book-pdf';
import { seedDemo } from '../../prisma/seed';
import { actorFor, DEMO, expectDomainError } from './helpers';
import { fundedProject } from './project-fixtures';

// The printed application, read back as text the way a person's PDF reader would see it: the Chinese title and code
// in real glyphs (a CJK font embedded and mapped), page numbers, the viewer's watermark; the blind copy without the
// applicant's identity; and no copy at all for someone who may not read the application.

type App = {
  id: string;
  code: string;
  title: string;
  applicant: { email: string; name: string };
  institution: { name: string };
};
let app: App;

async function text(bytes: Buffer): Promise<string> {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  return (await extractText(pdf, { mergePages: true })).text;
}

beforeAll(async () => {
  await seedDemo(db());
  app = (await db().application.findFirstOrThrow({
    where: { status: 'FORMAL_CHECK_PASSED', kind: 'PROJECT', call: { program: { code: 'GEN' } } },
    select: {
      id: true,
      code: true,
      title: true,
      applicant: { select: { email: true, name: true } },
      institution: { select: { name: true } },
    },
  })) as App;
});

describe('the application PDF', () => {
  it('prints the submitted version for its PI, in Chinese, with page numbers and the viewer’s watermark', async () => {
    const pi = await actorFor(app.applicant.email);
    const pdf = await applicationPdf(db(), pi, app.id, {
      locale: 'zh-CN',
      now: new Date('2026-11-29T02:00:00Z'),
    });
    expect(pdf.filename).toBe(`${app.code}.pdf`);
    expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    // The font is subset to the characters used: a few pages stay small.
    expect(pdf.bytes.length).toBeLessThan(400_000);
    const body = await text(pdf.bytes);
    expect(body).toContain(app.title);
    expect(body).toContain(app.code);
    expect(body).toContain(app.applicant.name);
    expect(body).toContain('研究内容');
    expect(body).not.toMatch(/SENIOR|INTERMEDIATE|JUNIOR/); // codes are printed as their names
    expect(body).toMatch(/第 1 页 \/ 共 \d+ 页/);
    expect(body).toContain(`${pi.name} · 2026-11-29 10:00:00 · 京研`);
  });

  it('in English for an English reader', async () => {
    const staff = await actorFor(DEMO.staff);
    const body = await text((await applicationPdf(db(), staff, app.id, { locale: 'en' })).bytes);
    expect(body).toMatch(/Page 1 of \d+/);
    expect(body).toContain('Budget');
  });

  it('the blind copy staff print is the one experts read: title and content, no applicant', async () => {
    const staff = await actorFor(DEMO.staff);
    const pdf = await applicationPdf(db(), staff, app.id, { locale: 'zh-CN', blind: true });
    expect(pdf.filename).toBe(`${app.code.toLowerCase().replace(/-/g, '_')}_blind.pdf`);
    const body = await text(pdf.bytes);
    expect(body).toContain(app.title);
    expect(body).toContain('匿名评审版');
    expect(body).not.toContain(app.applicant.name);
    expect(body).not.toContain(app.institution.name);
    // Nor in the file's own properties.
    const meta = await PDFDocument.load(pdf.bytes);
    expect([meta.getTitle() ?? '', meta.getAuthor() ?? '']).toEqual(['', '']);
  });

  it('nobody else gets a copy: another researcher, an expert, an enterprise', async () => {
    const others = await db().user.findMany({
      where: {
        roles: { some: { role: 'RESEARCHER' } },
        email: { not: app.applicant.email },
        memberships: { none: { applicationId: app.id } },
      },
      select: { email: true },
      take: 1,
    });
    await expectDomainError(
      applicationPdf(db(), await actorFor(others[0]!.email), app.id, { locale: 'zh-CN' }),
      'NOT_FOUND',
    );
    await expectDomainError(
      applicationPdf(db(), await actorFor(DEMO.expert, 'EXPERT'), app.id, { locale: 'zh-CN' }),
      'FORBIDDEN',
    );
    await expectDomainError(
      applicationPdf(db(), await actorFor(DEMO.enterprise), app.id, { locale: 'zh-CN' }),
      'FORBIDDEN',
    );
  });
});

describe('the task book PDF', () => {
  it('prints the project’s task book for its PI, office and staff, and nobody else', async () => {
    const f = await fundedProject({ budgetMode: 'LUMP_SUM' });
    const project = await db().project.findUniqueOrThrow({
      where: { id: f.projectId },
      select: { code: true, title: true, pi: { select: { email: true, name: true } } },
    });
    for (const email of [project.pi.email, DEMO.office, DEMO.staff]) {
      const pdf = await taskBookPdf(db(), await actorFor(email), f.projectId, { locale: 'zh-CN' });
      expect(pdf.filename).toBe(`${project.code}-task-book.pdf`);
      const body = (await text(pdf.bytes)).replace(/\s+/g, '');
      expect(body).toContain(project.title.replace(/\s+/g, ''));
      expect(body).toContain('项目任务书');
      expect(body).toContain('三方确认');
      expect(body).toContain(project.pi.name);
    }
    await expectDomainError(
      taskBookPdf(db(), await actorFor(DEMO.young), f.projectId, { locale: 'zh-CN' }),
      'NOT_FOUND',
    );
  });
});
