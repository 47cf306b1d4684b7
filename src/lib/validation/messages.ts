// Validation messages are keys into messages/*.json → "errors", so the same zod schema speaks Chinese or English
// in the browser (react-hook-form) and on the server (actions). A key may carry parameters: "tooLong?max=200".

export function msg(key: string, params?: Record<string, string | number>): string {
  if (!params) return key;
  return `${key}?${new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)])).toString()}`;
}

export function parseMsg(encoded: string): { key: string; params: Record<string, string> } {
  const [key, query] = encoded.split('?', 2);
  return { key: key ?? encoded, params: Object.fromEntries(new URLSearchParams(query ?? '')) };
}
