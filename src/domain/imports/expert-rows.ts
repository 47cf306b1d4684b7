// 专家导入: the rows of an uploaded expert sheet, checked one by one before anything is written. Pure: the server
// reads the workbook, the accounts, the institution directory and the discipline codes; this says which rows are good
// (as expert profiles to write) and, for every bad one, which column and why (a message code under errors.*).
//
// A row names an existing account by e-mail. Opening accounts and granting the EXPERT role stay with the system
// administrator (三员分立, ADR 0005), so an unknown address or a person without the role is a row error that says so.

export interface ExpertSheetRow {
  /** The spreadsheet's row number (the header is row 1), for the report. */
  row: number;
  email: string;
  name: string;
  institution: string;
  country: string;
  languages: string;
  disciplineCodes: string;
  keywords: string;
  title: string;
  loadLimit: unknown;
}

export type ExpertColumn = Exclude<keyof ExpertSheetRow, 'row'>;
export interface ExpertRowError {
  row: number;
  column: ExpertColumn;
  code: string;
}

export type ExpertTitle = 'SENIOR' | 'ASSOCIATE_SENIOR' | 'INTERMEDIATE' | 'JUNIOR' | 'NONE';

export interface ImportedExpert {
  row: number;
  userId: string;
  institutionId: string | null;
  institutionName: string;
  country: string;
  languages: ('zh' | 'en')[];
  disciplineCodes: string[];
  keywords: string[];
  /** Null when the cell is empty: an existing profile keeps its title. */
  title: ExpertTitle | null;
  loadLimitPerCall: number;
  /** The cells the row filled: an existing profile takes only these (a blank cell keeps what the profile has). */
  given: ExpertColumn[];
}

export interface ExpertImportContext {
  /** Accounts by lower-cased e-mail. */
  accounts: ReadonlyMap<string, { id: string; name: string; isExpert: boolean }>;
  institutions: readonly { id: string; name: string; aliases: readonly string[] }[];
  /** Discipline codes of the current edition. */
  disciplines: ReadonlySet<string>;
}

export const DEFAULT_LOAD_LIMIT = 10;
export const MAX_LOAD_LIMIT = 50;
const MAX_DISCIPLINES = 10;
const MAX_KEYWORDS = 15;
const MAX_KEYWORD_LENGTH = 30;
const MAX_INSTITUTION_LENGTH = 200;

const TITLES: Record<string, ExpertTitle> = {
  正高级: 'SENIOR',
  正高: 'SENIOR',
  副高级: 'ASSOCIATE_SENIOR',
  副高: 'ASSOCIATE_SENIOR',
  中级: 'INTERMEDIATE',
  初级: 'JUNIOR',
  无: 'NONE',
  senior: 'SENIOR',
  'associate senior': 'ASSOCIATE_SENIOR',
  intermediate: 'INTERMEDIATE',
  junior: 'JUNIOR',
  none: 'NONE',
};
const LANGUAGES: Record<string, 'zh' | 'en'> = {
  zh: 'zh',
  中文: 'zh',
  汉语: 'zh',
  chinese: 'zh',
  en: 'en',
  英文: 'en',
  英语: 'en',
  english: 'en',
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const split = (s: string, codes = false) => [
  ...new Set(
    s
      .split(codes ? /[,，;；、\s]+/ : /[,，;；、\n]+/)
      .map((a) => a.trim())
      .filter(Boolean),
  ),
];

export function checkExpertRows(
  rows: readonly ExpertSheetRow[],
  context: ExpertImportContext,
): { experts: ImportedExpert[]; errors: ExpertRowError[] } {
  const institutionsByName = new Map<string, { id: string; name: string }[]>();
  for (const i of context.institutions) {
    for (const n of new Set([i.name, ...i.aliases])) {
      institutionsByName.set(n, [...(institutionsByName.get(n) ?? []), i]);
    }
  }
  const seen = new Set<string>();
  const experts: ImportedExpert[] = [];
  const errors: ExpertRowError[] = [];

  for (const r of rows) {
    const before = errors.length;
    const fail = (column: ExpertColumn, code: string) => errors.push({ row: r.row, column, code });

    const email = r.email.trim().toLowerCase();
    const account = context.accounts.get(email);
    if (!email) fail('email', 'required');
    else if (!EMAIL.test(email)) fail('email', 'email');
    else if (seen.has(email)) fail('email', 'duplicateEmail');
    else if (!account) fail('email', 'accountUnknown');
    else if (!account.isExpert) fail('email', 'notAnExpert');
    else if (r.name.trim() && r.name.trim() !== account.name) fail('name', 'expertNameMismatch');
    if (email) seen.add(email);

    const institutionName = r.institution.trim();
    const matches = institutionsByName.get(institutionName) ?? [];
    if (institutionName.length > MAX_INSTITUTION_LENGTH) fail('institution', `tooLong?max=${MAX_INSTITUTION_LENGTH}`);

    const country = (r.country.trim() || 'CN').toUpperCase();
    if (!/^[A-Z]{2}$/.test(country)) fail('country', 'countryCode');

    const languageWords = split(r.languages);
    const languages = [...new Set(languageWords.map((w) => LANGUAGES[w.toLowerCase()]))];
    if (languages.some((l) => l === undefined)) fail('languages', 'languageUnknown');
    if (languageWords.length === 0) languages.splice(0, languages.length, country === 'CN' ? 'zh' : 'en');

    const disciplineCodes = split(r.disciplineCodes, true);
    if (disciplineCodes.length > MAX_DISCIPLINES) fail('disciplineCodes', `tooMany?max=${MAX_DISCIPLINES}`);
    else if (disciplineCodes.some((c) => !/^\d{3}(\d{2})?$/.test(c))) fail('disciplineCodes', 'disciplineCode');
    else if (disciplineCodes.some((c) => !context.disciplines.has(c))) fail('disciplineCodes', 'disciplineUnknown');

    const keywords = split(r.keywords);
    if (keywords.length > MAX_KEYWORDS) fail('keywords', `tooMany?max=${MAX_KEYWORDS}`);
    else if (keywords.some((k) => k.length > MAX_KEYWORD_LENGTH)) fail('keywords', `tooLong?max=${MAX_KEYWORD_LENGTH}`);

    const titleText = r.title.trim();
    const title = titleText ? (TITLES[titleText] ?? TITLES[titleText.toLowerCase()] ?? undefined) : null;
    if (title === undefined) fail('title', 'titleUnknown');

    const limitText = typeof r.loadLimit === 'number' ? String(r.loadLimit) : String(r.loadLimit ?? '').trim();
    const loadLimitPerCall = limitText === '' ? DEFAULT_LOAD_LIMIT : /^\d+$/.test(limitText) ? Number(limitText) : NaN;
    if (!Number.isInteger(loadLimitPerCall) || loadLimitPerCall > MAX_LOAD_LIMIT)
      fail('loadLimit', `between?min=0&max=${MAX_LOAD_LIMIT}`);

    if (errors.length === before && account) {
      experts.push({
        row: r.row,
        userId: account.id,
        // A name in the directory (or one of its aliases) links the institution, so conflicts match by id too.
        institutionId: matches.length === 1 ? matches[0]!.id : null,
        institutionName: matches.length === 1 ? matches[0]!.name : institutionName,
        country,
        languages: languages as ('zh' | 'en')[],
        disciplineCodes,
        keywords,
        title: title ?? null,
        loadLimitPerCall,
        given: (Object.keys(r) as (keyof ExpertSheetRow)[]).filter(
          (k): k is ExpertColumn => k !== 'row' && String(r[k] ?? '').trim() !== '',
        ),
      });
    }
  }
  return { experts, errors };
}
