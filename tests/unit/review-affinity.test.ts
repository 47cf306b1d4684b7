import { describe, expect, it } from 'vitest';
import { affinity, canReadApplication, normaliseKeyword } from '@/domain/review/affinity';

const app = (disciplineCode: string | null, keywords: string[] = []) => ({ disciplineCode, keywords });
const expert = (disciplineCodes: string[], keywords: string[] = []) => ({ disciplineCodes, keywords });

describe('affinity between an expert and an application', () => {
  it('scores the same discipline code above the same first-level field, and unrelated fields at zero', () => {
    expect(affinity(app('14020'), expert(['14020'])).discipline).toBe(1);
    expect(affinity(app('14020'), expert(['14030'])).discipline).toBe(0.5);
    expect(affinity(app('14020'), expert(['140'])).discipline).toBe(0.5);
    expect(affinity(app('140'), expert(['14020'])).discipline).toBe(0.5);
    expect(affinity(app('14020'), expert(['520', '14020'])).discipline).toBe(1);
    expect(affinity(app('14020'), expert(['520'])).discipline).toBe(0);
    expect(affinity(app(null), expert(['520'])).discipline).toBe(0);
  });

  it('compares keywords by cosine after normalising case, width and spaces', () => {
    expect(normaliseKeyword(' ＡＩ 芯片 ')).toBe('ai芯片');
    const r = affinity(app('520', ['类脑计算', 'AI 芯片', '脉冲神经网络']), expert(['110'], ['ai芯片', '类脑计算']));
    expect(r.sharedKeywords).toEqual(['ai芯片', '类脑计算']);
    expect(r.keywords).toBe(Math.round((2 / Math.sqrt(6)) * 10_000) / 10_000);
    expect(r.score).toBe(Math.round(0.4 * r.keywords * 10_000) / 10_000);
    // Duplicates after normalisation count once.
    expect(affinity(app(null, ['AI', 'ai']), expert([], ['ＡＩ'])).keywords).toBe(1);
    expect(affinity(app(null, []), expert([], ['ai'])).keywords).toBe(0);
  });

  it('weights a shared code above shared keywords, and stays within [0, 1]', () => {
    const byCode = affinity(app('14020', ['a']), expert(['14020'], ['b'])).score;
    const byWords = affinity(app('14020', ['a']), expert(['520'], ['a'])).score;
    expect(byCode).toBe(0.6);
    expect(byWords).toBe(0.4);
    expect(affinity(app('14020', ['a', 'b']), expert(['14020'], ['b', 'a'])).score).toBe(1);
  });

  it('is symmetric in the order keywords are listed, so runs are reproducible', () => {
    const a = affinity(app('520', ['x', 'y', 'z']), expert(['520'], ['z', 'q', 'x']));
    const b = affinity(app('520', ['z', 'y', 'x']), expert(['520'], ['x', 'z', 'q']));
    expect(a).toEqual(b);
  });
});

describe('whether an expert can read an application', () => {
  it('lets Chinese readers read everything and English-only readers only applications with an English version', () => {
    expect(canReadApplication(['zh'], false)).toBe(true);
    expect(canReadApplication(['zh', 'en'], false)).toBe(true);
    expect(canReadApplication(['en'], true)).toBe(true);
    expect(canReadApplication(['en'], false)).toBe(false);
    expect(canReadApplication([], true)).toBe(false);
  });
});
