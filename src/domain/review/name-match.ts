// Person-name matching for conflicts of interest (回避, issue 5): is the expert the same person as a team member, a
// co-author of a representative work, or someone the applicant asked to avoid? Names arrive as 张伟, Zhang Wei,
// Wei Zhang, ZHANG Wei, "Zhang, Wei", zhangwei, and in citations as "Zhang W." or "W. Zhang".
//
// THE MODEL. A written name becomes one or more *forms*: a Han form (the characters) and/or a Latin form. Each form has
// *readings* — (surname, given name) pairs in folded Latin letters. Characters get their readings from pinyin-pro:
// the surname with its surname reading (单 Shan, 曾 Zeng, 区 Ou, 尉迟 Yuchi; our table below overrides where the
// dictionary has a non-surname reading), each given-name character with every reading it has (乐 le/yue), since we
// cannot know which one the person uses. Latin names get one reading per plausible split into surname and given name:
// a comma, a single initials token or a word in capitals fixes the surname; otherwise the surname may be a leading or a
// trailing run of words ("Zhang Wei" and "Wei Zhang" both read as Zhang + Wei, and "Ou Yang Nana" as Ouyang + Nana).
//
// STRENGTH. 'exact': the same characters, or the same Latin spelling (ignoring case, spaces, hyphens, apostrophes,
// tone marks, word order where the order is not marked, and the spelling of ü as ü/v/yu). 'romanised': characters on
// one side and a pinyin reading of them on the other, or two Latin spellings that agree only once ü is written u
// (吕 Lü is often spelt Lu, which is also 卢). 'initial': the surname agrees and the given name is abbreviated on at
// least one side ("Zhang W." is every Zhang with a W given name). Matching never goes the other way round:
//
// FALSE POSITIVES. Two names written in characters match only when the characters are the same — 张伟 and 章伟 are both
// "Zhang Wei" but different names, and a person who knows their characters is identified by them. This also holds
// for sets of names (`bestNameMatch`): when both people have a name in characters and those differ, their romanised
// variants are not allowed to make them the same person. Traditional and simplified characters (張偉 / 张伟) are
// different strings here; list both in the person's name variants if they use both.
import { pinyin, polyphonic } from 'pinyin-pro';

export type MatchStrength = 'exact' | 'romanised' | 'initial';

/** Why two names matched, for the explanation shown to staff. */
export type MatchBasis =
  /** Identical characters (张伟 = 张伟). */
  | 'SAME_CHARACTERS'
  /** Identical Latin spelling up to case, spacing, hyphens, tone marks, order and ü/v/yu (Zhang Wei = ZHANG Wei). */
  | 'SAME_SPELLING'
  /** A pinyin reading of the characters is the Latin spelling (张伟 = Zhang Wei). */
  | 'PINYIN'
  /** Equal only when ü is written u (Lü Wei = Lu Wei; Lu may as well be 卢). */
  | 'U_FOLDED'
  /** Same surname, given name abbreviated on at least one side (张伟 ~ Zhang W.). */
  | 'INITIALS';

export interface NameMatch {
  strength: MatchStrength;
  basis: MatchBasis;
  /** The two names that matched, as written. */
  a: string;
  b: string;
  /** The reading they share, surname first: "张伟", "Zhang Wei", "Zhang W.". */
  variant: string;
}

const STRENGTH_RANK: Record<MatchStrength, number> = { exact: 3, romanised: 2, initial: 1 };

/** True when `a` is at least as strong as `b` (null is the weakest). */
export function atLeast(a: MatchStrength | null | undefined, b: MatchStrength): boolean {
  return a != null && STRENGTH_RANK[a] >= STRENGTH_RANK[b];
}

// ---------------------------------------------------------------------------------------------------------------------
// Surname tables. Compound surnames (复姓) decide where the surname ends, so they are listed with their readings
// rather than left to the dictionary: 单于 is Chanyu and 万俟 Moqi, which a character-by-character reading gets wrong.
// The list is the compound surnames of the 百家姓 plus the traditional forms of the common ones.

const COMPOUND_SURNAMES: Readonly<Record<string, readonly string[]>> = {
  万俟: ['moqi'],
  司马: ['sima'],
  上官: ['shangguan'],
  欧阳: ['ouyang'],
  夏侯: ['xiahou'],
  诸葛: ['zhuge'],
  闻人: ['wenren'],
  东方: ['dongfang'],
  赫连: ['helian'],
  皇甫: ['huangfu'],
  尉迟: ['yuchi'],
  公羊: ['gongyang'],
  澹台: ['tantai'],
  公冶: ['gongye'],
  宗政: ['zongzheng'],
  濮阳: ['puyang'],
  淳于: ['chunyu'],
  单于: ['chanyu'],
  太叔: ['taishu'],
  申屠: ['shentu'],
  公孙: ['gongsun'],
  仲孙: ['zhongsun'],
  轩辕: ['xuanyuan'],
  令狐: ['linghu'],
  钟离: ['zhongli'],
  宇文: ['yuwen'],
  长孙: ['zhangsun'],
  慕容: ['murong'],
  鲜于: ['xianyu'],
  闾丘: ['lvqiu'],
  司徒: ['situ'],
  司空: ['sikong'],
  亓官: ['qiguan'],
  司寇: ['sikou'],
  子车: ['ziju'],
  颛孙: ['zhuansun'],
  端木: ['duanmu'],
  巫马: ['wuma'],
  公西: ['gongxi'],
  漆雕: ['qidiao'],
  乐正: ['yuezheng'],
  壤驷: ['rangsi'],
  公良: ['gongliang'],
  拓跋: ['tuoba'],
  夹谷: ['jiagu'],
  宰父: ['zaifu'],
  谷梁: ['guliang'],
  段干: ['duangan'],
  百里: ['baili'],
  东郭: ['dongguo'],
  南门: ['nanmen'],
  呼延: ['huyan'],
  羊舌: ['yangshe'],
  微生: ['weisheng'],
  梁丘: ['liangqiu'],
  左丘: ['zuoqiu'],
  东门: ['dongmen'],
  西门: ['ximen'],
  南宫: ['nangong'],
  第五: ['diwu'],
  // Traditional forms.
  歐陽: ['ouyang'],
  司馬: ['sima'],
  諸葛: ['zhuge'],
  東方: ['dongfang'],
  尉遲: ['yuchi'],
  長孫: ['zhangsun'],
  公孫: ['gongsun'],
  聞人: ['wenren'],
  軒轅: ['xuanyuan'],
  鍾離: ['zhongli'],
  鮮于: ['xianyu'],
};

/**
 * Single-character surnames whose surname reading the dictionary misses (种 is Chong, 秘 is Bi as surnames) or that
 * have two readings in real use (乐 Yue/Le, 盖 Ge/Gai, 查 Zha/Cha). Everything else takes pinyin-pro's surname mode,
 * which already reads 单 Shan, 曾 Zeng, 区 Ou, 解 Xie, 仇 Qiu, 朴 Piao, 查 Zha, 缪 Miao.
 */
const SURNAME_READINGS: Readonly<Record<string, readonly string[]>> = {
  种: ['chong'],
  秘: ['bi'],
  乐: ['yue', 'le'],
  盖: ['ge', 'gai'],
  覃: ['qin', 'tan'],
  谌: ['chen', 'shen'],
  翟: ['zhai', 'di'],
  员: ['yun', 'yuan'],
  查: ['zha', 'cha'],
  隗: ['wei', 'kui'],
};

/** A name's given part may have several readings (乐 le/yue/yao/lao); beyond this many combinations keep the first. */
const MAX_GIVEN_COMBINATIONS = 16;

// ---------------------------------------------------------------------------------------------------------------------
// Normalising Latin letters.

/** Letters only, lower case, tone marks dropped, ü as "v" (also when written "u:"). */
function plainLetters(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/u:/gi, 'v')
    .normalize('NFD')
    .replace(/[uU]\u0308/g, 'v')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
}

/**
 * ü spelt "yu" after l/n, as Chinese passports have done since 2012 (LYU), read as "v". Applied to whole surnames
 * and whole given names after their words are joined, on both sides alike, so "Anyu", "An-yu" and 安宇 (an + yu)
 * still agree.
 */
function yuFold(letters: string): string {
  return letters.replace(/([ln])yu/g, '$1v');
}

/** The spelling compared for 'exact'. */
function strictLetters(s: string): string {
  return yuFold(plainLetters(s));
}

/** The lossy fold: ü written as plain u (Lü → Lu), which many people and older passports use. */
function looseLetters(strict: string): string {
  return strict.replace(/([ln])v/g, '$1u');
}

const HAN = /\p{Script=Han}/u;
const LATIN = /\p{Script=Latin}/u;
const MIDDLE_DOTS = /[·・•‧∙⋅]/g;
const MIDDLE_DOT = /[·・•‧∙⋅]/;

/** "xiao-MING" → "Xiao-Ming". */
function capitalise(s: string): string {
  return s.toLowerCase().replace(/(^|[-\s])(\p{L})/gu, (_, sep: string, c: string) => sep + c.toUpperCase());
}

/** Pinyin syllables for display: pinyin-pro's "v" is ü (lv → Lü), which only holds syllable by syllable. */
function showPinyin(syllables: readonly string[]): string {
  return capitalise(syllables.map((x) => x.replace(/v/g, 'ü')).join(''));
}

// ---------------------------------------------------------------------------------------------------------------------
// Forms and readings.

interface Reading {
  /** Strict letters of the surname ('' when unknown). */
  surname: string;
  /** Strict letters of the given name ('' when none or written as initials). */
  given: string;
  /** The given name's syllables when known (Xiao-Ming, 晓明), for comparing with initials. */
  syllables: readonly string[];
  /** Initials when the given name was abbreviated ("W." → 'w', "X.-M." → 'xm'). */
  initials: string | null;
  /** For explanations: the surname and given name as a person would write them ("Ouyang", "Nana"). */
  shownSurname: string;
  shownGiven: string;
  /** The dictionary's likeliest reading (not an alternative reading of a polyphonic given-name character). */
  likeliest: boolean;
}

interface HanForm {
  kind: 'han';
  raw: string;
  /** The characters with spaces and middle dots removed: what 'exact' compares. */
  chars: string;
  readings: readonly Reading[];
}

interface LatinForm {
  kind: 'latin';
  raw: string;
  readings: readonly Reading[];
  /** A name written as one word ("zhangwei"): compared with surname+given in either order. */
  joined: string | null;
}

type Form = HanForm | LatinForm;

interface Token {
  /** Plain letters (before the yu fold, which applies to joined words). */
  letters: string;
  /** The word as written, for explanations ("Xiao-Ming", "Lü"). */
  shown: string;
  syllables: string[];
  isInitials: boolean;
  isCaps: boolean;
}

function toToken(raw: string): Token | null {
  const core = raw.normalize('NFD').replace(/\p{M}/gu, '');
  const lettersOnly = core.replace(/[^\p{L}]/gu, '');
  if (!lettersOnly) return null;
  const pieces = core.split(/[-‐‑'’.]+/).filter((p) => /\p{L}/u.test(p));
  // "W", "W.", "X.M.", "X.-M." and a capitalised run without vowels ("XM") are initials; every pinyin syllable and
  // nearly every surname has a vowel, so "WU" is a surname in capitals, not two initials.
  const dotted = core.includes('.') && pieces.every((p) => p.replace(/[^\p{L}]/gu, '').length === 1);
  const vowelless =
    lettersOnly.length <= 3 && lettersOnly === lettersOnly.toUpperCase() && !/[AEIOUVY]/.test(lettersOnly);
  const isInitials = lettersOnly.length === 1 || dotted || vowelless;
  return {
    letters: plainLetters(raw),
    shown: capitalise(raw.normalize('NFC').replace(/[^\p{L}\p{M}-]/gu, '')),
    syllables: pieces.map(plainLetters).filter(Boolean),
    isInitials,
    isCaps:
      !isInitials &&
      lettersOnly.length >= 2 &&
      lettersOnly === lettersOnly.toUpperCase() &&
      /\p{Lu}/u.test(lettersOnly),
  };
}

function tokenise(text: string): Token[] {
  return text
    .replace(/\.(?=\p{L})/gu, '. ') // "W.Zhang" → "W. Zhang"
    .split(/\s+/)
    .map(toToken)
    .filter((t): t is Token => t !== null);
}

function initialsOf(tokens: readonly Token[]): string {
  return tokens.map((t) => (t.isInitials ? t.letters : t.letters.charAt(0))).join('');
}

function fullReading(surname: readonly Token[], given: readonly Token[]): Reading {
  return {
    surname: yuFold(surname.map((t) => t.letters).join('')),
    given: yuFold(given.map((t) => t.letters).join('')),
    syllables: given.flatMap((t) => t.syllables),
    initials: null,
    shownSurname: surname.map((t) => t.shown).join(' '),
    shownGiven: given.map((t) => t.shown).join(' '),
    likeliest: true,
  };
}

/**
 * Readings of a name written as separate words, in order. The surname is a leading or trailing run of words: fixed by
 * capitals when exactly those words are capitalised (ZHANG Wei, Wei ZHANG), else every split in both directions.
 */
function readingsOfWords(words: readonly Token[]): Reading[] {
  const n = words.length;
  if (n < 2) return [];
  const caps = words.map((w) => w.isCaps);
  const capsCount = caps.filter(Boolean).length;
  if (capsCount > 0 && capsCount < n) {
    if (caps.slice(0, capsCount).every(Boolean))
      return [fullReading(words.slice(0, capsCount), words.slice(capsCount))];
    if (caps.slice(n - capsCount).every(Boolean))
      return [fullReading(words.slice(n - capsCount), words.slice(0, n - capsCount))];
  }
  const readings: Reading[] = [];
  for (let k = 1; k < n; k++) {
    readings.push(fullReading(words.slice(0, k), words.slice(k))); // surname first: Zhang Wei
    readings.push(fullReading(words.slice(k), words.slice(0, k))); // given name first: Wei Zhang
  }
  return readings;
}

function parseLatin(raw: string): LatinForm | null {
  const text = raw.normalize('NFKC').trim();
  const comma = text.indexOf(',');
  if (comma >= 0) {
    // "Zhang, Wei" / "Zhang, W.": the surname comes first, by the comma.
    const surname = tokenise(text.slice(0, comma)).filter((t) => !t.isInitials);
    const given = tokenise(text.slice(comma + 1));
    if (surname.length === 0) return null;
    const abbreviated = given.length > 0 && given.every((t) => t.isInitials);
    const reading = abbreviated
      ? { ...fullReading(surname, []), initials: initialsOf(given) }
      : fullReading(surname, given);
    return { kind: 'latin', raw, readings: [reading], joined: null };
  }
  const tokens = tokenise(text);
  const words = tokens.filter((t) => !t.isInitials);
  const initials = tokens.filter((t) => t.isInitials);
  if (words.length === 0) return null;
  if (initials.length > 0) {
    // "Zhang W.", "W. Zhang", "X.-M. Zhang": the spelled-out word is the surname. With more than one word the
    // surname is the word at either end and the rest count as initials.
    const ends = words.length === 1 ? [0] : [0, words.length - 1];
    const readings = ends.map((i) => {
      const rest = tokens.filter((t) => t !== words[i]);
      return { ...fullReading([words[i]!], []), initials: initialsOf(rest) };
    });
    return { kind: 'latin', raw, readings, joined: null };
  }
  if (words.length === 1) return { kind: 'latin', raw, readings: [], joined: yuFold(words[0]!.letters) };
  return { kind: 'latin', raw, readings: readingsOfWords(words), joined: null };
}

/** Every combination of per-character options, the first option of each first, at most `max`. */
function combinations(options: readonly (readonly string[])[], max: number): string[][] {
  let out: string[][] = [[]];
  for (const choices of options) {
    const next: string[][] = [];
    for (const prefix of out) for (const c of choices) if (next.length < max) next.push([...prefix, c]);
    out = next;
  }
  return out;
}

function isSyllable(s: string | undefined): s is string {
  return s !== undefined && /^[a-z]+$/.test(s);
}

/** pinyin-pro readings, one per character (astral characters included), or null for characters it does not know. */
function syllablesOf(chars: readonly string[], asName: boolean): string[] | null {
  const out = pinyin(chars.join(''), { toneType: 'none', type: 'array', v: true, surname: asName ? 'head' : 'off' });
  if (out.length !== chars.length || !out.every(isSyllable)) return null;
  return out;
}

function alternativesOf(char: string): string[] {
  const [readings] = polyphonic(char, { toneType: 'none', type: 'array', v: true });
  return (readings ?? []).filter(isSyllable);
}

function parseHan(raw: string): HanForm | null {
  const compact = raw.normalize('NFKC').replace(/\s+/g, '').replace(MIDDLE_DOTS, '·');
  const chars = compact.replace(/·/g, '');
  if (!chars) return null;
  if (compact.includes('·')) {
    // 阿依古丽·买买提, 约翰·史密斯: transcribed names with no Chinese surname; their parts act like Latin words.
    const words: Token[] = [];
    for (const part of compact.split('·').filter(Boolean)) {
      const syllables = syllablesOf(Array.from(part), false);
      if (!syllables) return { kind: 'han', raw, chars, readings: [] };
      words.push({
        letters: syllables.join(''),
        shown: showPinyin(syllables),
        syllables,
        isInitials: false,
        isCaps: false,
      });
    }
    return { kind: 'han', raw, chars, readings: readingsOfWords(words) };
  }
  const all = Array.from(chars);
  const surnameLength = all.length >= 3 && COMPOUND_SURNAMES[all.slice(0, 2).join('')] ? 2 : 1;
  const surnameChars = all.slice(0, surnameLength).join('');
  const givenChars = all.slice(surnameLength);
  const primary = syllablesOf(all, true);
  if (!primary) return { kind: 'han', raw, chars, readings: [] };
  const surnames = COMPOUND_SURNAMES[surnameChars] ??
    SURNAME_READINGS[surnameChars] ?? [primary.slice(0, surnameLength).join('')];
  const givenOptions = givenChars.map((c, i) => [...new Set([primary[surnameLength + i]!, ...alternativesOf(c)])]);
  const givens = combinations(givenOptions, MAX_GIVEN_COMBINATIONS);
  const readings: Reading[] = [];
  for (const s of surnames) {
    givens.forEach((g, i) =>
      readings.push({
        surname: strictLetters(s),
        given: strictLetters(g.join('')),
        syllables: g,
        initials: null,
        shownSurname: showPinyin([s]),
        shownGiven: showPinyin(g),
        likeliest: i === 0,
      }),
    );
  }
  return { kind: 'han', raw, chars, readings };
}

// Names are matched many times over (every expert against every author of every application); parsing, with its
// dictionary look-ups, is done once per distinct string. The cache is invisible to callers and bounded.
const formCache = new Map<string, readonly Form[]>();
const FORM_CACHE_LIMIT = 20_000;

/** The forms of one written name: "张伟 (Zhang Wei)" has a Han and a Latin form. */
function formsOf(name: string): readonly Form[] {
  const cached = formCache.get(name);
  if (cached) return cached;
  const text = name
    .normalize('NFKC')
    .replace(/[()[\]（）【】]/g, ' ')
    .trim();
  const forms: Form[] = [];
  if (HAN.test(text)) {
    const hanPart = Array.from(text)
      .filter((c) => HAN.test(c) || MIDDLE_DOT.test(c))
      .join('');
    const han = parseHan(hanPart);
    if (han) forms.push(han);
  }
  if (LATIN.test(text)) {
    const latinPart = Array.from(text)
      .filter((c) => !HAN.test(c))
      .join('');
    const latin = parseLatin(latinPart);
    if (latin) forms.push(latin);
  }
  if (formCache.size >= FORM_CACHE_LIMIT) formCache.clear();
  formCache.set(name, forms);
  return forms;
}

// ---------------------------------------------------------------------------------------------------------------------
// Comparing.

function display(r: Reading, givenFirst = false): string {
  if (r.initials !== null) {
    return `${r.shownSurname} ${r.initials
      .split('')
      .map((c) => `${c.toUpperCase()}.`)
      .join('')}`;
  }
  if (!r.shownGiven) return r.shownSurname;
  return givenFirst ? `${r.shownGiven} ${r.shownSurname}` : `${r.shownSurname} ${r.shownGiven}`;
}

/** Do these initials abbreviate this given name? 'x' ~ xiaoming; 'xm' ~ xiao+ming, or ~ xiaoming when unsegmented. */
function initialsFit(initials: string, given: string, syllables: readonly string[]): boolean {
  if (!given || initials.charAt(0) !== given.charAt(0)) return false;
  if (initials.length === 1) return true;
  if (syllables.length >= 2) return syllables.map((s) => s.charAt(0)).join('') === initials;
  // Syllables unknown ("Xiaoming"): the later initials must at least occur in order.
  let at = 1;
  for (const c of initials.slice(1)) {
    at = given.indexOf(c, at);
    if (at < 0) return false;
    at++;
  }
  return true;
}

type Fold = (s: string) => string;
const strict: Fold = (s) => s;

function fullReadingsEqual(x: Reading, y: Reading, fold: Fold): boolean {
  return (
    x.initials === null && y.initials === null && fold(x.surname) === fold(y.surname) && fold(x.given) === fold(y.given)
  );
}

function initialReadingsFit(x: Reading, y: Reading, fold: Fold): boolean {
  if (x.initials === null && y.initials === null) return false;
  if (!x.surname || fold(x.surname) !== fold(y.surname)) return false;
  if (x.initials !== null && y.initials !== null) {
    return x.initials.startsWith(y.initials) || y.initials.startsWith(x.initials);
  }
  const [abbr, full] = x.initials !== null ? [x, y] : [y, x];
  return initialsFit(abbr.initials!, fold(full.given), full.syllables.map(fold));
}

interface FormMatch {
  strength: MatchStrength;
  basis: MatchBasis;
  variant: string;
}

/** Full readings of x against y (or y's one-word spelling), strict then loose. */
function matchReadings(x: Form, y: Form, fullStrength: MatchStrength, basis: MatchBasis): FormMatch | null {
  for (const [fold, strength, why] of [
    [strict, fullStrength, basis],
    [looseLetters, 'romanised', 'U_FOLDED'],
  ] as const) {
    for (const rx of x.readings) {
      for (const ry of y.readings) {
        if (fullReadingsEqual(rx, ry, fold)) return { strength, basis: why, variant: display(rx) };
      }
    }
    // One side written as a single word: "zhangwei" = Zhang + Wei in either order.
    for (const [one, other] of [
      [x, y],
      [y, x],
    ] as const) {
      if (one.kind !== 'latin' || one.joined === null) continue;
      const joined = fold(one.joined);
      if (other.kind === 'latin' && other.joined !== null && fold(other.joined) === joined) {
        return { strength, basis: why, variant: one.raw.trim() };
      }
      for (const r of other.readings) {
        if (r.initials !== null) continue;
        // Joining can put l/n before yu (lin + yu), so the yu fold is applied again to the joined spelling.
        if (fold(yuFold(r.surname + r.given)) === joined || fold(yuFold(r.given + r.surname)) === joined) {
          return { strength, basis: why, variant: display(r) };
        }
      }
    }
  }
  return null;
}

function matchInitials(x: Form, y: Form): FormMatch | null {
  for (const fold of [strict, looseLetters]) {
    for (const rx of x.readings) {
      for (const ry of y.readings) {
        if (initialReadingsFit(rx, ry, fold)) {
          const abbreviated = rx.initials !== null ? rx : ry;
          return { strength: 'initial', basis: 'INITIALS', variant: display(abbreviated) };
        }
      }
    }
  }
  return null;
}

function matchForms(x: Form, y: Form): FormMatch | null {
  if (x.kind === 'han' && y.kind === 'han') {
    // Characters decide between names in characters; equal pinyin is not enough (张伟 ≠ 章伟).
    return x.chars === y.chars ? { strength: 'exact', basis: 'SAME_CHARACTERS', variant: x.chars } : null;
  }
  const sameScript = x.kind === 'latin' && y.kind === 'latin';
  return (
    matchReadings(x, y, sameScript ? 'exact' : 'romanised', sameScript ? 'SAME_SPELLING' : 'PINYIN') ??
    matchInitials(x, y)
  );
}

function stronger(a: NameMatch | null, b: NameMatch | null): NameMatch | null {
  if (!a) return b;
  if (!b) return a;
  return STRENGTH_RANK[b.strength] > STRENGTH_RANK[a.strength] ? b : a;
}

/**
 * The strongest match between two people known by several names each (a profile's name plus its `nameVariants`).
 * When both have a name in characters, the characters decide: equal characters are an exact match, and different
 * characters mean different people whatever their romanised variants say.
 */
export function bestNameMatch(aNames: readonly string[], bNames: readonly string[]): NameMatch | null {
  const a = aNames.flatMap((name) => formsOf(name).map((form) => ({ name, form })));
  const b = bNames.flatMap((name) => formsOf(name).map((form) => ({ name, form })));
  const aHan = a.filter((x) => x.form.kind === 'han');
  const bHan = b.filter((x) => x.form.kind === 'han');
  if (aHan.length > 0 && bHan.length > 0) {
    for (const x of aHan) {
      for (const y of bHan) {
        const m = matchForms(x.form, y.form);
        if (m) return { ...m, a: x.name, b: y.name };
      }
    }
    return null;
  }
  let best: NameMatch | null = null;
  for (const x of a) {
    for (const y of b) {
      const m = matchForms(x.form, y.form);
      if (m) best = stronger(best, { ...m, a: x.name, b: y.name });
      if (best?.strength === 'exact') return best;
    }
  }
  return best;
}

/** Whether two written names may be the same person, how strongly, and by which shared reading. */
export function namesMatch(a: string, b: string): NameMatch | null {
  return bestNameMatch([a], [b]);
}

/**
 * Spellings of a name that people commonly write — the characters, then for each reading "Surname Given" and
 * "Given Surname" (ü shown as ü). For pre-filling a profile's `nameVariants`; matching does not need them, since
 * `namesMatch` derives the same readings itself. Only the likeliest reading of each given-name character is listed
 * (欧阳娜娜 → Ouyang Nana, not Nuonuo), but every reading of a two-reading surname is (乐 → Yue and Le).
 */
export function nameVariants(name: string): string[] {
  const out = [name.trim()];
  for (const form of formsOf(name)) {
    if (form.kind === 'han') out.push(form.chars);
    for (const r of form.readings) {
      if (!r.likeliest) continue;
      out.push(display(r));
      if (r.initials === null && r.shownGiven) out.push(display(r, true));
    }
  }
  return [...new Set(out.filter(Boolean))];
}

/**
 * The authors in a work's author line as researchers write it: "张伟，李娜、王芳", "Zhang W, Li N, Wang F",
 * "Zhang, W.; Li, N.", "Wei Zhang and Na Li". A comma followed only by initials belongs to the name before it;
 * "et al.", 等 and markers of corresponding or equal authors (*, #, †, digits) are dropped.
 */
export function splitAuthors(line: string): string[] {
  const cleaned = line
    .normalize('NFKC')
    .replace(/\bet\s+al\.?/gi, '')
    .replace(/等$/, '')
    .replace(/[*#†‡§¶\d]+/g, ' ')
    .replace(/\((通讯作者|共同第一作者|corresponding author|equal contribution)\)/gi, ' ');
  const chunks = cleaned.split(/[;、]|\s+and\s+|\s*&\s*/i);
  const names: string[] = [];
  for (const chunk of chunks) {
    const parts = chunk
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean);
    const isInitialsOnly = (p: string) => {
      const tokens = tokenise(p);
      return tokens.length > 0 && tokens.every((t) => t.isInitials);
    };
    const isOneWord = (p: string) => tokenise(p).length === 1 && !HAN.test(p);
    // "Zhang, Wei, Li, Na": every part one word and an even count — surname, given pairs.
    const pairs = parts.length >= 2 && parts.length % 2 === 0 && parts.every(isOneWord);
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i]!;
      const next = parts[i + 1];
      if (next !== undefined && ((isOneWord(part) && isInitialsOnly(next)) || pairs)) {
        names.push(`${part}, ${next}`);
        i++;
      } else if (HAN.test(part) && !LATIN.test(part)) {
        // "张伟 李娜 王芳": names in characters separated by spaces (but "张 伟" is one name spaced out).
        const pieces = part.split(/\s+/).filter(Boolean);
        if (pieces.length > 1 && pieces.every((p) => Array.from(p).length >= 2)) names.push(...pieces);
        else names.push(part);
      } else {
        names.push(part);
      }
    }
  }
  return names.filter((n) => /\p{L}/u.test(n));
}
