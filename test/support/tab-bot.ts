// The bot as the tabs' tests run it: a real app id, the local Entra stand-in's keys and issuer, a public
// address (the tokens' audience is api://<its host>/<app id>), and a tenant allow-list.
import { TENANT, type TeamsUser } from './bot-harness.js';
import type { FakeEntra } from '../servers/fake-entra.js';

export const TAB_APP_ID = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';
const TAB_HOST = 'safertowns.example.gov.uk';
export const TAB_AUDIENCE = `api://${TAB_HOST}/${TAB_APP_ID}`;

export const tabBotEnv = (entra: FakeEntra, extra: Record<string, string> = {}) => ({
  MICROSOFT_APP_ID: TAB_APP_ID,
  MICROSOFT_APP_PASSWORD: 'test-secret-not-real',
  MICROSOFT_APP_TENANT_ID: TENANT,
  BOT_OPENID_METADATA_URL: entra.openIdMetadataUrl,
  ENTRA_AUTHORITY_HOST: entra.base,
  ALLOWED_TENANT_IDS: TENANT,
  PUBLIC_BASE_URL: `https://${TAB_HOST}`,
  REMINDER_SWEEP_SECONDS: '0',
  ...extra,
});

/** A Teams single sign-on token for `user`, as Teams would give the tab. */
export const tabToken = (entra: FakeEntra, user: TeamsUser, over: Record<string, unknown> = {}) =>
  entra.userToken(TENANT, TAB_AUDIENCE, { aadObjectId: user.aadObjectId, name: user.name }, over);
