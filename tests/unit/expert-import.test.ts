import { describe, expect, it } from 'vitest';
import { checkExpertRows, type ExpertSheetRow } from '@/domain/imports/expert-rows';

const CONTEXT = {
  accounts: new Map([
    ['liu@x.cn', { id: 'u1', name: '刘洋', isExpert: true }],
    ['anna@x.de', { id: 'u2', name: 'Anna Schmidt', isExpert: true }],
    ['li@x.cn', { id: 'u3', name: '李华', isExpert: false }],
  ]),
  institutions: [
    { id: 'i1', name: '北京工业大学', aliases: ['北工大'] },
    { id: 'i2', name: '北京大学', aliases: [] },
    { id: 'i3', name: '北京大学', aliases: [] },
  ],
  disciplines: new Set(['430', '43020', '520']),
};
const row = (over: Partial<ExpertSheetRow>): ExpertSheetRow => ({
  row: 2,
  email: 'liu@x.cn',
  name: '',
  institution: '',
  country: '',
  languages: '',
  disciplineCodes: '',
  keywords: '',
  title: '',
  loadLimit: '',
  ...over,
});

describe('expert rows', () => {
  it('reads a full row: aliases link the institution, lists split on Chinese and Latin separators', () => {
    const r = checkExpertRows(
      [
        row({
          email: ' LIU@x.cn ',
          name: '刘洋',
          institution: '北工大',
          country: 'cn',
          languages: '中文、English',
          disciplineCodes: '430 43020',
          keywords: '材料；纳米, 材料',
          title: '副高级',
          loadLimit: 12,
        }),
      ],
      CONTEXT,
    );
    expect(r.errors).toEqual([]);
    expect(r.experts).toEqual([
      {
        row: 2,
        userId: 'u1',
        institutionId: 'i1',
        institutionName: '北京工业大学',
        country: 'CN',
        languages: ['zh', 'en'],
        disciplineCodes: ['430', '43020'],
        keywords: ['材料', '纳米'],
        title: 'ASSOCIATE_SENIOR',
        loadLimitPerCall: 12,
        given: [
          'email',
          'name',
          'institution',
          'country',
          'languages',
          'disciplineCodes',
          'keywords',
          'title',
          'loadLimit',
        ],
      },
    ]);
  });

  it('fills defaults: China, the country’s language, load limit 10, title left as it is', () => {
    const [cn, foreign] = checkExpertRows(
      [row({}), row({ row: 3, email: 'anna@x.de', country: 'DE', institution: 'TU München' })],
      CONTEXT,
    ).experts;
    expect(cn).toMatchObject({ country: 'CN', languages: ['zh'], loadLimitPerCall: 10, title: null });
    // Only the e-mail was given: an existing profile keeps everything else.
    expect(cn!.given).toEqual(['email']);
    expect(foreign).toMatchObject({ languages: ['en'], institutionId: null, institutionName: 'TU München' });
  });

  it('an ambiguous institution name is kept as text, not linked to either', () => {
    const [e] = checkExpertRows([row({ institution: '北京大学' })], CONTEXT).experts;
    expect(e).toMatchObject({ institutionId: null, institutionName: '北京大学' });
  });

  it('names the row and column of every problem and keeps checking the rest', () => {
    const r = checkExpertRows(
      [
        row({ email: '' }),
        row({ row: 3, email: 'not-an-address' }),
        row({ row: 4, email: 'nobody@x.cn' }),
        row({ row: 5, email: 'li@x.cn' }),
        row({ row: 6, name: '刘阳' }),
        row({ row: 7, email: 'anna@x.de', country: 'Germany', languages: 'Deutsch' }),
        row({ row: 8, email: 'liu@x.cn' }),
      ],
      CONTEXT,
    );
    expect(r.errors).toEqual([
      { row: 2, column: 'email', code: 'required' },
      { row: 3, column: 'email', code: 'email' },
      { row: 4, column: 'email', code: 'accountUnknown' },
      { row: 5, column: 'email', code: 'notAnExpert' },
      { row: 6, column: 'name', code: 'expertNameMismatch' },
      { row: 7, column: 'country', code: 'countryCode' },
      { row: 7, column: 'languages', code: 'languageUnknown' },
      { row: 8, column: 'email', code: 'duplicateEmail' },
    ]);
    expect(r.experts).toEqual([]);
  });

  it('checks disciplines, keywords, title and load limit against their limits', () => {
    const bad = (over: Partial<ExpertSheetRow>) => checkExpertRows([row(over)], CONTEXT).errors;
    expect(bad({ disciplineCodes: '43' })).toEqual([{ row: 2, column: 'disciplineCodes', code: 'disciplineCode' }]);
    expect(bad({ disciplineCodes: '999' })).toEqual([{ row: 2, column: 'disciplineCodes', code: 'disciplineUnknown' }]);
    expect(bad({ disciplineCodes: Array.from({ length: 11 }, (_, i) => 100 + i).join(',') })[0]?.code).toBe(
      'tooMany?max=10',
    );
    expect(bad({ keywords: 'a'.repeat(31) })[0]?.code).toBe('tooLong?max=30');
    expect(bad({ keywords: Array.from({ length: 16 }, (_, i) => `k${i}`).join(',') })[0]?.code).toBe('tooMany?max=15');
    expect(bad({ title: '教授' })).toEqual([{ row: 2, column: 'title', code: 'titleUnknown' }]);
    expect(bad({ loadLimit: 51 })[0]?.code).toBe('between?min=0&max=50');
    expect(bad({ loadLimit: '-1' })[0]?.code).toBe('between?min=0&max=50');
    expect(bad({ loadLimit: 2.5 })[0]?.code).toBe('between?min=0&max=50');
    expect(bad({ loadLimit: 0 })).toEqual([]);
  });
});
