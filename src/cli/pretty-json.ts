/** JSON for people and programs alike: indented, but a shape stays on one line as `[null, 26, 26, 32]`. */
export function prettyJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/\[\s+((?:-?\d+|null)(?:,\s+(?:-?\d+|null))*)\s+\]/g, (_all, items: string) => `[${items.split(/,\s+/).join(', ')}]`);
}
