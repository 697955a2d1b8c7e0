/** Fill `{name}` placeholders in a UI string; a placeholder without a value stays visible, so a gap shows up in review. */
export const fill = (template: string, values: Record<string, string | number>): string =>
  template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = Object.hasOwn(values, name) ? values[name] : undefined;
    return v === undefined ? whole : String(v);
  });
