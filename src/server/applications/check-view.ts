import 'server-only';
import { getLocale, getTranslations } from 'next-intl/server';
import { msg } from '@/lib/validation/messages';
import { translate } from '../run-action';
import type { ApplicationCheck } from './facts';

export interface IssueView {
  field: string;
  message: string;
}

export interface CheckView {
  errors: IssueView[];
  warnings: IssueView[];
}

/** The pre-submission check in the reader's language, each issue still naming its field for the form's links. */
export async function describeCheck(check: Pick<ApplicationCheck, 'errors' | 'warnings'>): Promise<CheckView> {
  const t = await getTranslations('errors');
  const locale = await getLocale();
  const view = (issues: ApplicationCheck['errors']) =>
    issues.map((i) => ({ field: i.field, message: translate(t, msg(i.code, i.params), locale) }));
  return { errors: view(check.errors), warnings: view(check.warnings) };
}
