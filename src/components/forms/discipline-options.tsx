/** A discipline as a picker shows it: GB/T 13745 code, localized name, level (1: three digits, 2: five digits). */
export interface DisciplineOption {
  code: string;
  name: string;
  level: number;
}

/**
 * The options of a discipline <select>: each first-level discipline heads a group holding itself and its
 * second-level disciplines, so the list of some 700 entries reads as the standard does, and typing a code jumps to it.
 */
export function DisciplineOptions({ disciplines }: { disciplines: DisciplineOption[] }) {
  const firsts = disciplines.filter((d) => d.level === 1);
  const children = new Map<string, DisciplineOption[]>();
  for (const d of disciplines) {
    if (d.level === 1) continue;
    const parent = d.code.slice(0, 3);
    children.set(parent, [...(children.get(parent) ?? []), d]);
  }
  return firsts.map((first) => {
    const kids = children.get(first.code) ?? [];
    const own = (
      <option key={first.code} value={first.code}>
        {first.code} {first.name}
      </option>
    );
    if (kids.length === 0) return own;
    return (
      <optgroup key={first.code} label={`${first.code} ${first.name}`}>
        {own}
        {kids.map((d) => (
          <option key={d.code} value={d.code}>
            {d.code} {d.name}
          </option>
        ))}
      </optgroup>
    );
  });
}
