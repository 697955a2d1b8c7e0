/**
 * The value of a printed formula (`64 × (32 × 3 × 3 + 1)`, `1,024 × 10`), computed here from its
 * text — not by the engine whose formula it is — so a test can check the arithmetic it shows.
 */
export function arithmetic(text: string): number {
  const tokens = text.replace(/,/g, '').match(/\d+|[×+/()]/g) ?? [];
  let i = 0;
  const factor = (): number => {
    const t = tokens[i++]!;
    if (t !== '(') return Number(t);
    const v = sum();
    i++;
    return v;
  };
  const product = (): number => {
    let v = factor();
    while (tokens[i] === '×' || tokens[i] === '/') v = tokens[i++] === '×' ? v * factor() : v / factor();
    return v;
  };
  const sum = (): number => {
    let v = product();
    while (tokens[i] === '+') {
      i++;
      v += product();
    }
    return v;
  };
  return sum();
}
