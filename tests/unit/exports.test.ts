import { describe, expect, it } from 'vitest';
import { csvField } from '@/server/exports/stream';

describe('CSV fields', () => {
  it('quotes commas, quotes and line breaks', () => {
    expect(csvField('北京, 海淀')).toBe('"北京, 海淀"');
    expect(csvField('他说"好"')).toBe('"他说""好"""');
    expect(csvField('两行\n文字')).toBe('"两行\n文字"');
    expect(csvField('plain')).toBe('plain');
    expect(csvField(null)).toBe('');
    expect(csvField(12.5)).toBe('12.5');
  });
  it('never lets a cell start a formula (CSV injection)', () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('-2')).toBe("'-2");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    // Numbers stay numbers, negative ones too.
    expect(csvField(-2)).toBe('-2');
  });
});
