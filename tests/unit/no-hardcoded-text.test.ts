import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// Every visible string lives in messages/ (issue 2): a Chinese character in a component, outside comments, would show
// untranslated to an English reader. The one exception is a language's own name in a language menu (中文).

const ENDONYMS = ['中文'];

function tsxFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return tsxFiles(full);
    return e.name.endsWith('.tsx') ? [full] : [];
  });
}

describe('components', () => {
  it('carry no Chinese text of their own (it belongs in messages/*.json)', () => {
    const offenders: string[] = [];
    for (const file of tsxFiles(path.join(process.cwd(), 'src'))) {
      const code = readFileSync(file, 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/(^|[^:])\/\/.*$/gm, '$1');
      code.split('\n').forEach((line, i) => {
        const text = ENDONYMS.reduce((l, word) => l.replaceAll(word, ''), line);
        if (/[\u4e00-\u9fff]/.test(text))
          offenders.push(`${path.relative(process.cwd(), file)}:${i + 1}: ${line.trim()}`);
      });
    }
    expect(offenders).toEqual([]);
  });
});
