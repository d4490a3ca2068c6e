import { describe, expect, it } from 'vitest';
import { NewestVersions } from '../../../src/bot/newest-versions.js';

describe('the newest version handed to a channel copy', () => {
  it('refuses an older version that arrives after a newer one, and lets the same or newer through', () => {
    const versions = new NewestVersions();
    expect(versions.admit('plan-1', 5)).toBe(true);
    expect(versions.admit('plan-1', 4)).toBe(false); // the earlier save's card, late: not sent
    expect(versions.admit('plan-1', 5)).toBe(true); // the same version again (a second post of it)
    expect(versions.admit('plan-1', 6)).toBe(true);
    expect(versions.admit('plan-2', 1)).toBe(true); // records are apart
  });

  it('forgets after its window, so a record restored to an older version is posted again', async () => {
    const versions = new NewestVersions(5);
    expect(versions.admit('action-1', 3)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(versions.admit('action-1', 2)).toBe(true);
  });
});
