// Blind review (盲审, issue 5): what an expert sees of an ApplicationVersion snapshot when the program's
// `mailReview.blind` is set — the science, not who wrote it or where.
//
// ALLOW-LIST. The blind snapshot is built field by field rather than by deleting fields from the original, so a field
// added to the snapshot later (src/server/applications/applicant.ts `buildSnapshot`) stays hidden until someone
// decides here that it is safe. BLIND_REDACTED_PATHS lists what is dropped or replaced; BLIND_SCRUBBED_TEXT_PATHS the
// free text that is kept but scrubbed.
//
// WHAT GOES. Applicant and member names, institution and department names, ORCID, the exact age (the youth-track
// flag stays: it is what the rules use), every id (call, challenge, files, evidence), file names and hashes (each
// attachment is shown by its slot's label and fetched by slot), and of the representative works the author line,
// identifier (DOI, patent number) and formatted citation, which carry the authors. The work's title, venue, year and
// the applicant's contribution statement stay: 代表作评价 judges the work and the stated contribution.
//
// SCRUBBING TEXT. Inside every kept text (title, abstract, content sections, keywords, budget justifications,
// responsibilities, work titles and contribution statements):
//   - e-mail addresses, URLs, DOIs, ORCID iDs, 身份证号, telephone numbers and UUIDs → "[已隐去]" ("[redacted]" in
//     English fields);
//   - the applicant's name in characters and its romanisations (张伟, Zhang Wei, Wei Zhang, ZHANG Wei, Zhang, W.,
//     W. Zhang, zhangwei; from `nameVariants`), the surname with a title (张教授, Prof. Zhang) and a romanised name
//     word before lab / group / team / et al. → "申请人" ("the applicant");
//   - each member's name likewise → "成员1", "成员2" … in member order ("member 1" …), so responsibilities still read;
//   - the host institution and department → "依托单位" / "所在院系", members' institutions → "合作单位".
// Longer names are replaced first (北京大学物理学院 before 北京大学). Matching errs towards hiding: a different
// person who shares the applicant's romanised name or surname-and-initial is also hidden — a reviewer reading
// "申请人" for a namesake is a smaller harm than a leaked identity. Limits: names the snapshot does not hold (former
// institutions, nicknames, short forms like 北大) are only hidden when the caller passes them in `alsoHide`; a work's
// title can still be searched for — inherent to judging representative works.
import { nameVariants } from './name-match';

/** JSON as stored in `content` (the snapshot is JSON). */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/**
 * What `redactForBlindReview` reads: the shape of `ApplicationSnapshot` (a unit test checks that the server's type
 * is assignable to this one, so the two cannot drift apart silently).
 */
export interface BlindableSnapshot {
  call: { id: string; title: string; titleEn: string; program: { name: string; nameEn: string; kind: string } };
  rulesVersion: number;
  challenge: { id: string; title: string } | null;
  applicant: {
    name: string;
    institution: string;
    department: string | null;
    title: string | null;
    degree: string | null;
    orcid: string | null;
    ageOnDeadline: number | null;
    youthTrack: boolean;
  };
  title: string;
  titleEn: string;
  disciplineCode: string | null;
  keywords: readonly string[];
  abstract: string;
  abstractEn: string;
  content: unknown;
  durationMonths: number | null;
  budget: {
    mode: string;
    lumpSumFen: string | null;
    lumpSumPlan: string;
    lines: readonly { categoryCode: string; amountFen: string; justification: string }[];
    funding: readonly { source: string; amountFen: string }[];
  };
  members: readonly {
    name: string;
    institution: string | null;
    title: string | null;
    responsibility: string;
    monthsPerYear: number;
  }[];
  works: readonly {
    type: string;
    title: string;
    authors: string;
    venue: string;
    year: number;
    identifier: string;
    citation: string;
    contributionStatement: string;
    evidenceFileId: string | null;
  }[];
  attachments: readonly { slotKey: string; fileId: string; filename: string; sha256: string }[];
}

export interface BlindSnapshot {
  blind: true;
  call: { title: string; titleEn: string; program: { name: string; nameEn: string; kind: string } };
  rulesVersion: number;
  challenge: { title: string } | null;
  applicant: { title: string | null; degree: string | null; youthTrack: boolean };
  title: string;
  titleEn: string;
  disciplineCode: string | null;
  keywords: string[];
  abstract: string;
  abstractEn: string;
  content: Json;
  durationMonths: number | null;
  budget: {
    mode: string;
    lumpSumFen: string | null;
    lumpSumPlan: string;
    lines: { categoryCode: string; amountFen: string; justification: string }[];
    funding: { source: string; amountFen: string }[];
  };
  /** `ordinal` is the "成员 n" the texts refer to. */
  members: { ordinal: number; title: string | null; responsibility: string; monthsPerYear: number }[];
  works: { type: string; title: string; venue: string; year: number; contributionStatement: string }[];
  /** Fetched by slot through the expert's assignment, never by file id. */
  attachments: { slotKey: string; label: string; labelEn: string }[];
}

/** Dropped or replaced (`[]` = every element). */
export const BLIND_REDACTED_PATHS = [
  'call.id',
  'challenge.id',
  'applicant.name',
  'applicant.institution',
  'applicant.department',
  'applicant.orcid',
  'applicant.ageOnDeadline',
  'members[].name',
  'members[].institution',
  'works[].authors',
  'works[].identifier',
  'works[].citation',
  'works[].evidenceFileId',
  'attachments[].fileId',
  'attachments[].filename',
  'attachments[].sha256',
] as const;

/** Kept, with names, institutions and contact details replaced inside (`**` = every string below). */
export const BLIND_SCRUBBED_TEXT_PATHS = [
  'title',
  'titleEn',
  'keywords[]',
  'abstract',
  'abstractEn',
  'content.**',
  'budget.lumpSumPlan',
  'budget.lines[].justification',
  'members[].responsibility',
  'works[].title',
  'works[].venue',
  'works[].contributionStatement',
] as const;

export interface BlindOptions {
  /** The rules' attachment slots, for the labels shown instead of file names. */
  slots?: readonly { key: string; label: string; labelEn: string }[];
  /** Spellings the snapshot does not hold: name variants from profiles, institution aliases and English names. */
  alsoHide?: {
    applicantNames?: readonly string[];
    /** By member position, as in the snapshot. */
    memberNames?: readonly (readonly string[])[];
    hostInstitutionNames?: readonly string[];
    otherInstitutionNames?: readonly string[];
  };
}

type Lang = 'zh' | 'en';
type Label = Record<Lang, string>;

const LABELS = {
  applicant: { zh: '申请人', en: 'the applicant' },
  host: { zh: '依托单位', en: 'the host institution' },
  department: { zh: '所在院系', en: 'the department' },
  partner: { zh: '合作单位', en: 'a partner institution' },
  redacted: { zh: '[已隐去]', en: '[redacted]' },
} satisfies Record<string, Label>;
const memberLabel = (n: number): Label => ({ zh: `成员${n}`, en: `member ${n}` });

/** Titles that, after a surname, point at one person in an application (张教授, 王老师). */
const HAN_TITLES = ['副教授', '教授', '老师', '博士', '副研究员', '研究员', '院士'];
/**
 * The English counterparts, around one word of a romanised name: "Prof. Ouyang", "Ouyang lab", "Ouyang's group",
 * "Ouyang et al.". Case-sensitive on the name (Ouyang or OUYANG) so that pinyin that is also an English word ("Long",
 * "Fan") is left alone in running text. Not done for a bare Han surname + 团队/课题组: single-character surnames are
 * common characters (方 in 地方团队) and the text would be damaged.
 */
const LATIN_TITLES = '(?:Prof|Professor|Dr|Mr|Ms|Mrs|Mx)\\.?\\s+';
const LATIN_GROUPS = "(?:['’]s)?\\s+(?:[Ll]ab|[Ll]aboratory|[Gg]roup|[Tt]eam|et\\s+al\\b)";

// Patterns that identify whoever they belong to. URL and DOI stop at whitespace and Chinese punctuation.
const CONTACT_PATTERNS: RegExp[] = [
  /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g,
  /\b(?:https?:\/\/|www\.)[^\s，。；、）)】」>"']+/gi,
  /\b(?:doi:\s*)?10\.\d{4,9}\/[^\s，。；、）)】」>"']+/gi,
  /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi,
  /(?<![\dA-Za-z])\d{4}-\d{4}-\d{4}-\d{3}[\dX](?![\dA-Za-z])/g,
  /(?<![\dA-Za-z])\d{17}[\dXx](?![\dA-Za-z])/g,
  /(?<![\d+])(?:\+?86[-\s]?)?1[3-9]\d[-\s]?\d{4}[-\s]?\d{4}(?!\d)/g,
  /(?<![\d.])\(?0\d{2,3}\)?[-\s]?\d{7,8}(?![\d.])/g,
  /\+\d{1,3}[\s-]?\d[\d\s-]{6,}\d/g,
];

const HAN = /\p{Script=Han}/u;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A Latin word in any case, with an optional space, hyphen or apostrophe between letters (Xiaoming, Xiao-ming,
 * O'Brien); ü also as u, v or yu, the ways it is typed.
 */
const flexWord = (word: string) =>
  [...word.normalize('NFC').toLowerCase()]
    .map((c) => (c === 'ü' ? '(?:ü|u|v|yu)' : /[a-z]/.test(c) ? c : ''))
    .filter(Boolean)
    .join("[\\s'’-]?");
/** "Wei" → "W"; a second initial only when written as one after a dot ("X.-M", "X.M", "X. M"). */
const initialPattern = (word: string) => `${escape(word[0]!.toLowerCase())}(?:\\.\\s?-?\\s?[a-z])?`;

interface Rule {
  pattern: RegExp;
  label: Label;
  /** Longer literal first, so 北京大学物理学院 is replaced before 北京大学 can break it. */
  weight: number;
}

function nameRules(names: readonly string[], label: Label): Rule[] {
  const rules: Rule[] = [];
  const spellings = new Set<string>();
  for (const name of names) {
    const trimmed = name.trim();
    if (!trimmed) continue;
    spellings.add(trimmed);
    for (const v of nameVariants(trimmed)) spellings.add(v);
  }
  const latinWords = new Set<string>();
  for (const s of spellings) {
    if (HAN.test(s)) {
      const compact = s.replace(/\s+/g, '');
      rules.push({ pattern: new RegExp(escape(compact), 'g'), label, weight: compact.length });
      // The surname with a title: four-character names are taken as a compound surname (欧阳娜娜), others as one.
      const surname = compact.length === 4 ? compact.slice(0, 2) : compact.slice(0, 1);
      if (compact.length >= 2) {
        rules.push({
          pattern: new RegExp(`${escape(surname)}(?:${HAN_TITLES.join('|')})`, 'g'),
          label,
          weight: surname.length + 2,
        });
      }
      continue;
    }
    const words = s.split(/[\s,]+/).filter((w) => /[a-z]/i.test(w));
    if (words.length === 0) continue;
    for (const w of words) if (/^[a-z]{2,}$/i.test(w)) latinWords.add(w.toLowerCase());
    const full = words.map(flexWord).join('[\\s,]*');
    rules.push({ pattern: new RegExp(`(?<![a-z])${full}(?![a-z])`, 'gi'), label, weight: s.length });
    if (words.length === 2) {
      const [a, b] = words as [string, string];
      // "Zhang W." / "Zhang, W." and "W. Zhang" / "W.Zhang" (and, from the other order, "Wei Z." / "Z. Wei"). The
      // initial must be set off by a dot or a space, so a surname never matches inside a word ("Lan" ≠ "L. An").
      rules.push({
        pattern: new RegExp(`(?<![a-z])${flexWord(a)},?\\s+${initialPattern(b)}\\.?(?![a-z])`, 'gi'),
        label,
        weight: a.length + 2,
      });
      rules.push({
        pattern: new RegExp(`(?<![a-z])${initialPattern(b)}(?:\\.\\s*|\\s+)${flexWord(a)}(?![a-z])`, 'gi'),
        label,
        weight: a.length + 2,
      });
    }
  }
  // Either word may be the surname (the variants come in both orders); a given name with a title is as telling.
  for (const w of latinWords) {
    const alt = `(?:${w[0]!.toUpperCase()}${w.slice(1)}|${w.toUpperCase()})`;
    rules.push({ pattern: new RegExp(`(?<![A-Za-z])${LATIN_TITLES}${alt}(?![A-Za-z])`, 'g'), label, weight: w.length });
    rules.push({ pattern: new RegExp(`(?<![A-Za-z])${alt}(?=${LATIN_GROUPS})`, 'g'), label, weight: w.length });
  }
  return rules;
}

function literalRules(texts: readonly (string | null | undefined)[], label: Label): Rule[] {
  const rules: Rule[] = [];
  for (const t of texts) {
    const s = t?.trim();
    // One- or two-letter strings (an alias like "BU") would hide ordinary words; callers pass real names.
    if (!s || [...s].length < 2 || (!HAN.test(s) && s.length < 3)) continue;
    const body = escape(s).replace(/\s+/g, '\\s+');
    rules.push({
      pattern: HAN.test(s) ? new RegExp(body, 'g') : new RegExp(`(?<![a-z])${body}(?![a-z])`, 'gi'),
      label,
      weight: s.length,
    });
  }
  return rules;
}

/** The scrubber for one snapshot: every identifying string it holds (plus `alsoHide`) and the contact patterns. */
function makeScrubber(snapshot: BlindableSnapshot, options: BlindOptions) {
  const extra = options.alsoHide ?? {};
  const rules: Rule[] = [
    ...nameRules([snapshot.applicant.name, ...(extra.applicantNames ?? [])], LABELS.applicant),
    ...snapshot.members.flatMap((m, i) => nameRules([m.name, ...(extra.memberNames?.[i] ?? [])], memberLabel(i + 1))),
    ...literalRules([snapshot.applicant.institution, ...(extra.hostInstitutionNames ?? [])], LABELS.host),
    ...literalRules([snapshot.applicant.department], LABELS.department),
    ...literalRules(
      [
        ...snapshot.members.map((m) => m.institution).filter((n) => n !== snapshot.applicant.institution),
        ...(extra.otherInstitutionNames ?? []),
      ],
      LABELS.partner,
    ),
  ].sort((a, b) => b.weight - a.weight);

  // Replacements go in as private-use tokens and become labels at the end, so a later rule can never match inside
  // an earlier replacement (or a label).
  const TOKEN = /\uE000(\d+)\uE001/g;
  return (text: string, lang: Lang): string => {
    const labels: string[] = [];
    const token = (label: string) => `\uE000${labels.push(label) - 1}\uE001`;
    let out = text;
    for (const p of CONTACT_PATTERNS) out = out.replace(p, () => token(LABELS.redacted[lang]));
    for (const r of rules) out = out.replace(r.pattern, () => token(r.label[lang]));
    return out.replace(TOKEN, (_, i: string) => labels[Number(i)]!);
  };
}

function scrubJson(value: unknown, scrub: (s: string) => string): Json {
  if (typeof value === 'string') return scrub(value);
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'boolean' || value === null) return value;
  if (Array.isArray(value)) return value.map((v) => scrubJson(v, scrub));
  if (typeof value === 'object') {
    // Keys are the form's section names; a key that is itself free text (unlikely) is scrubbed too.
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [scrub(k), scrubJson(v, scrub)]));
  }
  return null;
}

/** The snapshot an expert reads when the program reviews blind. Pure; the original is not modified. */
export function redactForBlindReview(snapshot: BlindableSnapshot, options: BlindOptions = {}): BlindSnapshot {
  const scrubber = makeScrubber(snapshot, options);
  const zh = (s: string) => scrubber(s, 'zh');
  const en = (s: string) => scrubber(s, 'en');
  const slots = new Map((options.slots ?? []).map((s) => [s.key, s]));
  return {
    blind: true,
    call: { title: snapshot.call.title, titleEn: snapshot.call.titleEn, program: { ...snapshot.call.program } },
    rulesVersion: snapshot.rulesVersion,
    challenge: snapshot.challenge ? { title: snapshot.challenge.title } : null,
    applicant: {
      title: snapshot.applicant.title,
      degree: snapshot.applicant.degree,
      youthTrack: snapshot.applicant.youthTrack,
    },
    title: zh(snapshot.title),
    titleEn: en(snapshot.titleEn),
    disciplineCode: snapshot.disciplineCode,
    keywords: snapshot.keywords.map(zh),
    abstract: zh(snapshot.abstract),
    abstractEn: en(snapshot.abstractEn),
    content: scrubJson(snapshot.content, zh),
    durationMonths: snapshot.durationMonths,
    budget: {
      mode: snapshot.budget.mode,
      lumpSumFen: snapshot.budget.lumpSumFen,
      lumpSumPlan: zh(snapshot.budget.lumpSumPlan),
      lines: snapshot.budget.lines.map((l) => ({
        categoryCode: l.categoryCode,
        amountFen: l.amountFen,
        justification: zh(l.justification),
      })),
      funding: snapshot.budget.funding.map((f) => ({ source: f.source, amountFen: f.amountFen })),
    },
    members: snapshot.members.map((m, i) => ({
      ordinal: i + 1,
      title: m.title,
      responsibility: zh(m.responsibility),
      monthsPerYear: m.monthsPerYear,
    })),
    works: snapshot.works.map((w) => ({
      type: w.type,
      title: zh(w.title),
      venue: zh(w.venue),
      year: w.year,
      contributionStatement: zh(w.contributionStatement),
    })),
    attachments: snapshot.attachments.map((a) => {
      const slot = slots.get(a.slotKey);
      return { slotKey: a.slotKey, label: slot?.label ?? a.slotKey, labelEn: slot?.labelEn ?? a.slotKey };
    }),
  };
}
