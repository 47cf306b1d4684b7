/**
 * A field of a form an action received, or null when what arrived is not a form at all (a script posting JSON to a
 * FormData action): the action's schema then refuses it at the field instead of the action throwing.
 */
export function formField(form: unknown, name: string): FormDataEntryValue | null {
  return form instanceof FormData ? form.get(name) : null;
}
