/** The one failing test a browser test file shows when CI requires Chromium and none was found. */
import { expect, it } from 'vitest';
import { browserRequired } from '../../scripts/chromium.ts';

/** Call at a browser test file's top level: without Chromium its tests skip, unless PARAM_LAB_REQUIRE_BROWSER says they must run. */
export function failWhenChromiumRequired(executable: string): void {
  if (executable !== '' || !browserRequired()) return;
  it('has a Chromium to run the browser tests in (PARAM_LAB_REQUIRE_BROWSER is set)', () => {
    expect.fail('no Chromium found: install chromium (apt-get install -y chromium) or set CHROMIUM_PATH');
  });
}
