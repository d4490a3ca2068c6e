// Text for tests that call use cases directly: put through the personal-data guard, as every way in does,
// so a test cannot hand a use case text the guard would refuse.
import { keptText, screenText } from '../../src/domain/personal-data.js';
import type { ScreenedText } from '../../src/domain/screened-text.js';

export function typed(text: string): ScreenedText {
  const kept = keptText({ text }, screenText(text), true)?.text;
  if (kept === undefined) throw new Error(`The guard refuses this test text: ${text}`);
  return kept;
}
