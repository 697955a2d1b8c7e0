/**
 * A cap on how much text a renderer may write, for callers that print whatever a file implies.
 * tf.keras breaks a cell after every `),`, so a name of megabytes of `),` becomes a line per two
 * characters: 1 MB of name is 150 MB of text. A caller that sets `maxChars` gets TextTooLong
 * instead, thrown once the cap is passed and caught by that caller (the CLI), before the text
 * is all in memory. Callers that set no cap (the site, the tests) never see it.
 */
export class TextTooLong extends Error {
  override name = 'TextTooLong';
  constructor(readonly maxChars: number) {
    super(`the summary text would be longer than ${maxChars} characters`);
  }
}

/** Counts the characters of the lines a renderer writes. */
export class TextBudget {
  private used = 0;
  constructor(readonly maxChars = Infinity) {}

  /** Count one line (and its newline); past the cap, stop the rendering. */
  take(line: string): string {
    this.used += line.length + 1;
    if (this.used > this.maxChars) throw new TextTooLong(this.maxChars);
    return line;
  }
}
