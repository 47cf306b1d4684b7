// What a complete basic talent record holds; the researcher's dashboard and the office's list show what is missing.

export const PROFILE_COMPLETENESS_FIELDS = [
  'department',
  'gender',
  'birthDate',
  'title',
  'degree',
  'disciplineCodes',
  'keywords',
] as const;
export type ProfileField = (typeof PROFILE_COMPLETENESS_FIELDS)[number];

export function missingProfileFields(profile: Record<ProfileField, unknown>): ProfileField[] {
  return PROFILE_COMPLETENESS_FIELDS.filter((f) => {
    const v = profile[f];
    return (
      v === null ||
      v === undefined ||
      (typeof v === 'string' && v.trim() === '') ||
      (Array.isArray(v) && v.length === 0)
    );
  });
}
