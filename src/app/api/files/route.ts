import { isCrossSite } from '@/domain/security/http-policy';
import { NextResponse } from 'next/server';
import { getTranslations } from 'next-intl/server';
import { db } from '@/server/db';
import { getSession } from '@/server/auth/session';
import { FILE_PURPOSES, uploadFile, type FilePurpose } from '@/server/files/files';
import { failure } from '@/server/run-action';

// POST /api/files — multipart upload of one PDF (field "file", and "purpose"). Answers the same ActionResult
// shape as server actions, with Chinese (or English) messages naming the field.
export async function POST(request: Request) {
  const t = await getTranslations('errors');
  // The proxy does not see this route (it would buffer the upload), so the CSRF check of src/proxy.ts is made here.
  if (isCrossSite(request.headers)) {
    return NextResponse.json({ ok: false, code: 'FORBIDDEN', message: t('crossSite') }, { status: 403 });
  }
  const session = await getSession();
  if (session.status !== 'ACTIVE') {
    return NextResponse.json({ ok: false, code: 'UNAUTHENTICATED', message: t('sessionEnded') }, { status: 401 });
  }
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return NextResponse.json(
      { ok: false, code: 'VALIDATION', message: t('checkFields'), fieldErrors: { file: t('file_notPdf') } },
      { status: 400 },
    );
  }
  const file = form.get('file');
  const purpose = String(form.get('purpose') ?? '');
  if (!(file instanceof File) || !(purpose in FILE_PURPOSES)) {
    return NextResponse.json(
      { ok: false, code: 'VALIDATION', message: t('checkFields'), fieldErrors: { file: t('required') } },
      { status: 400 },
    );
  }
  try {
    const stored = await uploadFile(db(), session.actor, {
      name: file.name,
      bytes: Buffer.from(await file.arrayBuffer()),
      purpose: purpose as FilePurpose,
    });
    return NextResponse.json({ ok: true, data: stored });
  } catch (error) {
    const result = failure(t, error);
    return NextResponse.json(result, { status: !result.ok && result.code === 'INTERNAL' ? 500 : 400 });
  }
}
