import { describe, expect, it } from 'vitest';
import { creditCodeCheckChar, isValidCreditCode, normalizeCreditCode } from '@/domain/institution/credit-code';

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

describe('统一社会信用代码 check character (GB 32100-2015)', () => {
  it('accepts the example code printed in the standard', () => {
    expect(isValidCreditCode('91350100M000100Y43')).toBe(true);
  });

  it('normalises spaces and lower case as pasted from certificates', () => {
    expect(normalizeCreditCode(' 91350100m000100y43 ')).toBe('91350100M000100Y43');
    expect(isValidCreditCode('9135 0100 m000 100y43')).toBe(true);
  });

  it('rejects wrong length, letters outside the alphabet (I O S V Z) and a wrong check character', () => {
    expect(isValidCreditCode('91350100M000100Y4')).toBe(false);
    expect(isValidCreditCode('91350100M000100Y433')).toBe(false);
    expect(isValidCreditCode('91350100I000100Y43')).toBe(false);
    expect(isValidCreditCode('91350100M000100Y44')).toBe(false);
    expect(creditCodeCheckChar('9135010OM000100Y4')).toBeNull();
  });

  it('detects every single-character change of any valid code (the weights are coprime to 31)', () => {
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let n = 0; n < 200; n++) {
      const prefix = Array.from({ length: 17 }, () => ALPHABET[Math.floor(rand() * 31)]).join('');
      const code = prefix + creditCodeCheckChar(prefix);
      expect(isValidCreditCode(code)).toBe(true);
      const pos = Math.floor(rand() * 18);
      const replacement = ALPHABET[(ALPHABET.indexOf(code[pos]!) + 1 + Math.floor(rand() * 30)) % 31]!;
      const mutated = code.slice(0, pos) + replacement + code.slice(pos + 1);
      expect(isValidCreditCode(mutated)).toBe(false);
    }
  });
});
