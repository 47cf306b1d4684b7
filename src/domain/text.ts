/** Characters as people count them: code points after trimming (an emoji or a rare 汉字 is one, not two). */
export function charCount(s: string | null | undefined): number {
  return [...(s ?? '').trim()].length;
}
