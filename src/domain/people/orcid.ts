// ORCID iD: 16 characters in four groups (0000-0002-1825-0097); the last is an ISO 7064 MOD 11-2 check character.

export function normalizeOrcid(input: string): string {
  return input
    .trim()
    .replace(/^https?:\/\/orcid\.org\//i, '')
    .toUpperCase();
}

export function isValidOrcid(input: string): boolean {
  const id = normalizeOrcid(input);
  if (!/^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$/.test(id)) return false;
  const digits = id.replace(/-/g, '');
  let total = 0;
  for (const ch of digits.slice(0, 15)) total = (total + Number(ch)) * 2;
  const result = (12 - (total % 11)) % 11;
  const check = result === 10 ? 'X' : String(result);
  return digits[15] === check;
}
