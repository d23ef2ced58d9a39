/** A timestamp as the viewer's local date and time, or `--` when absent. */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '--';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** `auto_pilot` -> `Auto-Pilot`, `voice_pipeline` -> `Voice pipeline`. */
export function labelOf(value: string): string {
  const special: Record<string, string> = { auto_pilot: 'Auto-Pilot', suggestive: 'Suggestive', off: 'Off', super_admin: 'Super admin' };
  if (special[value]) return special[value];
  const words = value.replace(/[_-]+/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function optionsOf(values: readonly string[], label: (v: string) => string = labelOf) {
  return values.map((value) => ({ value, label: label(value) }));
}
