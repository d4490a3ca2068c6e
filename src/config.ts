// Every environment variable the service reads, in one zod schema. Nothing else reads process.env.
import { z } from 'zod';
import {
  commaSeparated,
  GRAPH_NEEDS_HTTPS,
  graphBaseUrl,
  hourRange,
  isOrigin,
  isTimeZone,
  leadDays,
} from './config-lists.js';
import { DEFAULT_ENTRY_BUDGET, DEFAULT_FRESH_MS } from './store/entry-budget.js';

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

const mongoUri = optionalText.refine((v) => v === undefined || /^mongodb(\+srv)?:\/\/\S+$/.test(v), {
  message: 'must start with mongodb:// or mongodb+srv://',
});

/** Microsoft Entra's sign-in host in Microsoft's public cloud. */
export const PUBLIC_AUTHORITY_HOST = 'https://login.microsoftonline.com';
/** What the app asks Entra for to call Microsoft Graph with its application roles. */
export const GRAPH_SCOPE = 'https://graph.microsoft.com/.default';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3978),
  /**
   * The bot's own web address (e.g. its App Service's https://<name>.azurewebsites.net): each action's
   * stable link is <this>/actions/TRU-014, which Teams unfurls to the action's card. Unset: this machine.
   */
  PUBLIC_BASE_URL: optionalText.refine((v) => v === undefined || /^https:\/\/[^/\s]+(\/\S*)?$/.test(v), {
    message: 'must be the https:// address the bot is reached at, such as https://safertowns.example.gov.uk',
  }),
  MONGODB_URI: mongoUri,
  MONGODB_DB: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,38}$/, 'letters, digits, _ and - only, at most 38 characters')
    .default('safer_towns'),
  DATA_DIR: z.string().min(1).default('.data/dev'),
  /** Profiling: each database command's name, collection and duration appended to this file (JSON lines). */
  MONGODB_COMMAND_LOG: optionalText,
  /** Signing in to the database with Microsoft Entra (Azure DocumentDB): the managed identity whose token for
   *  MONGODB_ENTRA_RESOURCE is the credential (MONGODB-OIDC); MONGODB_URI then holds no password. */
  MONGODB_ENTRA_CLIENT_ID: optionalText.refine((v) => v === undefined || GUID.test(v), {
    message: "must be a GUID (the managed identity's client id)",
  }),
  MONGODB_ENTRA_RESOURCE: z.url({ protocol: /^https$/ }).default('https://ossrdbms-aad.database.windows.net'),
  /** Records held in memory across the read models; past it, the part read longest ago goes (DATABASE.md). */
  READ_MODEL_ENTRIES: z.coerce.number().int().min(1_000).max(10_000_000).default(DEFAULT_ENTRY_BUDGET),
  /** How soon (ms) an instance sees another instance's writes: it checks a part it holds at most this often. */
  READ_MODEL_FRESH_MS: z.coerce.number().int().min(0).max(10_000).default(DEFAULT_FRESH_MS),
  /**
   * `auto`: ask the server. `mongodb` makes the store use the queries it uses on MongoDB proper even on
   * FerretDB (correct, slower), as the tests do; `ferretdb` the reverse.
   */
  STORE_SERVER_KIND: z.enum(['auto', 'mongodb', 'ferretdb']).default('auto'),
  TIMEZONE: z
    .string()
    .default('Europe/London')
    .refine(isTimeZone, { message: 'must be an IANA time zone such as Europe/London' }),
  DUE_SOON_DAYS: z.coerce.number().int().min(1).max(30).default(3),
  // Bot Framework identity. Empty app id: local mode (no token checks; replies only to loopback service URLs).
  MICROSOFT_APP_ID: optionalText.refine((v) => v === undefined || GUID.test(v), {
    message: 'must be a GUID (the Entra app id)',
  }),
  MICROSOFT_APP_PASSWORD: optionalText,
  /** A PEM file holding the app registration's certificate and its private key (a client assertion). */
  MICROSOFT_APP_CERTIFICATE_PATH: optionalText,
  /** A federated workload identity's token file; AKS and Container Apps set this name themselves. */
  AZURE_FEDERATED_TOKEN_FILE: optionalText,
  /** The user-assigned managed identity (its client id) that the app registration trusts through a federated
   *  identity credential: the app's proof with no secret at all, keeping tabs, SSO and RSC (docs/DEPLOY.md). */
  MICROSOFT_APP_MANAGED_IDENTITY_CLIENT_ID: optionalText.refine((v) => v === undefined || GUID.test(v), {
    message: "must be a GUID (the managed identity's client id)",
  }),
  MICROSOFT_APP_TENANT_ID: optionalText.refine((v) => v === undefined || GUID.test(v), {
    message: 'must be a GUID',
  }),
  MICROSOFT_APP_TYPE: z.enum(['SingleTenant', 'MultiTenant', 'UserAssignedMSI']).default('SingleTenant'),
  // Where the Bot Framework publishes the keys that sign incoming tokens and who issues them, and where the
  // bot gets the tokens for its replies: Microsoft's public cloud unless set (a sovereign cloud; the tests
  // point them at local stand-ins).
  BOT_OPENID_METADATA_URL: z
    .url({ protocol: /^https$/, error: 'must be an https:// URL' })
    .default('https://login.botframework.com/v1/.well-known/openidconfiguration'),
  BOT_TOKEN_ISSUER: z.string().trim().min(1).default('https://api.botframework.com'),
  /** Microsoft Entra's sign-in host, where the bot gets the tokens for its replies and for Graph. */
  ENTRA_AUTHORITY_HOST: z
    .url({ protocol: /^https$/, error: 'must be an https:// URL' })
    .default(PUBLIC_AUTHORITY_HOST),
  // Retention (docs/DATA-PROTECTION.md): days after closing before an action's free text is removed, and
  // days after which audit events lose their details.
  RETENTION_CLOSED_ACTION_DAYS: z.coerce.number().int().min(30).max(3_650).default(730),
  RETENTION_AUDIT_DETAIL_DAYS: z.coerce.number().int().min(30).max(3_650).default(2_190),
  // Reminders
  REMINDER_SWEEP_SECONDS: z.coerce.number().int().min(0).max(86_400).default(300),
  REMINDER_LEASE_SECONDS: z.coerce.number().int().min(10).max(3_600).default(120),
  /** A send or card update the Bot Connector has not answered by then is retried (as after a 504). */
  BOT_CONNECTOR_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(120).default(20),
  ESCALATE_AFTER_DAYS: z.coerce.number().int().min(1).max(90).default(7),
  REMINDER_HOURS: hourRange('8-18'),
  REMINDER_WEEKDAYS_ONLY: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  /** Proactive requests per second to Teams for the whole tenant (Teams allows 50 per app per tenant). */
  TEAMS_TENANT_RPS: z.coerce.number().int().min(1).max(50).default(30),
  DIGEST_DAY: z
    .enum(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'])
    .default('monday'),
  DIGEST_HOUR: z.coerce.number().int().min(0).max(23).default(9),
  // The SMART coach (docs/SMART-COACH.md): an owner's open actions before another is a warning, and the
  // fewest days each kind of work needs, e.g. order=90,works=42,event=21,other=7 (kinds left out keep theirs).
  SMART_MAX_OPEN_ACTIONS: z.coerce.number().int().min(1).max(1_000).default(8),
  SMART_LEAD_DAYS: leadDays(),
  // The programme's seed fund, in pounds.
  SEED_FUND_GBP: z.coerce.number().min(0).max(100_000_000).default(50_000),
  // Telemetry (src/telemetry/start.ts): traces and metrics to Application Insights, or to an OTLP/HTTP
  // collector; off when neither is set.
  APPLICATIONINSIGHTS_CONNECTION_STRING: optionalText.refine(
    (v) => v === undefined || /(^|;)\s*(InstrumentationKey|IngestionEndpoint)=/i.test(v),
    {
      message:
        'must be an Application Insights connection string (InstrumentationKey=...;IngestionEndpoint=...)',
    },
  ),
  OTEL_EXPORTER_OTLP_ENDPOINT: optionalText.refine((v) => v === undefined || /^https?:\/\/\S+$/.test(v), {
    message: 'must be the http(s):// base URL of an OTLP/HTTP collector (e.g. http://localhost:4318)',
  }),
  /** How often metrics are sent, in milliseconds (OpenTelemetry's own name and default). */
  OTEL_METRIC_EXPORT_INTERVAL: z.coerce.number().int().min(1_000).max(3_600_000).default(60_000),
  // Microsoft Graph (meetings, activity feed, app installation). Used when the app has an identity and a tenant.
  // Plain http only to a stand-in on this machine (`npm run dev`); a deployment's tokens go over https.
  GRAPH_BASE_URL: graphBaseUrl,
  /**
   * The tenant's SharePoint host (contoso.sharepoint.com): progress notes may link to documents there and in
   * OneDrive (contoso-my.sharepoint.com), and nowhere else. Unset: evidence links are refused.
   */
  SHAREPOINT_HOST: z
    .string()
    .trim()
    .toLowerCase()
    .default('')
    .refine((v) => v === '' || /^[a-z0-9][a-z0-9-]*\.sharepoint\.(com|us|de|cn)$/.test(v), {
      message: 'must be the tenant SharePoint host, like contoso.sharepoint.com',
    }),
  /** The app's id in the tenant's app catalog, to install it for owners the bot cannot reach yet. */
  TEAMS_APP_CATALOG_ID: optionalText,
  /** Comma-separated tenant ids whose activities are accepted; empty accepts any tenant. */
  ALLOWED_TENANT_IDS: commaSeparated((id) => GUID.test(id), 'must be a comma-separated list of tenant GUIDs'),
  /**
   * Origins, besides Microsoft 365's own, that may frame the tabs and speak teams-js to them: a government
   * cloud's Teams, or a local Teams host page in tests (http on this machine only).
   */
  TAB_HOST_ORIGINS: commaSeparated(
    isOrigin,
    'must be comma-separated origins such as https://teams.example.gov',
  ),
});

export type Config = z.infer<typeof configSchema>;

/**
 * Where action links point: PUBLIC_BASE_URL; this machine in local mode; with an app id and no address,
 * nowhere (cards carry no link, and no link unfurls) rather than a link nobody else could open.
 */
export const publicBaseUrl = (
  config: Pick<Config, 'PUBLIC_BASE_URL' | 'PORT' | 'MICROSOFT_APP_ID'>,
): string | undefined =>
  config.PUBLIC_BASE_URL ?? (config.MICROSOFT_APP_ID ? undefined : `http://localhost:${config.PORT}`);

/** Every setting the bot reads. */
export const CONFIG_KEYS = Object.keys(configSchema.shape) as (keyof Config)[];

/**
 * What a production deployment must set (infra/ sets each; test/unit/infra.test.ts holds it to that), besides
 * one of APP_PROOFS for an app registration that is not a managed identity.
 */
export const PRODUCTION_SETTINGS = [
  'NODE_ENV',
  'MONGODB_URI',
  'MONGODB_DB',
  'MICROSOFT_APP_ID',
  'MICROSOFT_APP_TENANT_ID',
  'MICROSOFT_APP_TYPE',
  'ALLOWED_TENANT_IDS',
] as const satisfies readonly (keyof Config)[];

/** The ways an app registration proves itself, besides a managed identity (which needs none of them). */
const APP_PROOFS = [
  'MICROSOFT_APP_PASSWORD',
  'MICROSOFT_APP_CERTIFICATE_PATH',
  'AZURE_FEDERATED_TOKEN_FILE',
  'MICROSOFT_APP_MANAGED_IDENTITY_CLIENT_ID',
] as const satisfies readonly (keyof Config)[];

/** Cross-field rules: an app id needs one proof (unless a managed identity) and, single-tenant, its tenant. */
const checkedConfigSchema = configSchema.superRefine((c, ctx) => {
  if (!c.MICROSOFT_APP_ID) return;
  if (!c.GRAPH_BASE_URL.startsWith('https://'))
    ctx.addIssue({ code: 'custom', path: ['GRAPH_BASE_URL'], message: GRAPH_NEEDS_HTTPS });
  const proofs = APP_PROOFS.filter((key) => c[key]);
  if (c.MICROSOFT_APP_TYPE !== 'UserAssignedMSI' && proofs.length !== 1) {
    ctx.addIssue({
      code: 'custom',
      path: [proofs[0] ?? 'MICROSOFT_APP_PASSWORD'],
      message:
        proofs.length === 0
          ? `is required when MICROSOFT_APP_ID is set (or ${APP_PROOFS.slice(1).join(' or ')} instead)`
          : `set only one of ${proofs.join(', ')}: each is a way for the app to prove itself`,
    });
  }
  if (c.MICROSOFT_APP_TYPE === 'UserAssignedMSI' && proofs.length > 0) {
    ctx.addIssue({
      code: 'custom',
      path: [proofs[0]!],
      message: 'is not used with MICROSOFT_APP_TYPE=UserAssignedMSI: the managed identity needs no secret',
    });
  }
  if (c.MICROSOFT_APP_TYPE !== 'MultiTenant' && !c.MICROSOFT_APP_TENANT_ID) {
    ctx.addIssue({
      code: 'custom',
      path: ['MICROSOFT_APP_TENANT_ID'],
      message: `is required for a ${c.MICROSOFT_APP_TYPE} app`,
    });
  }
});

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Parses the environment; a bad value stops start-up with one message listing every problem. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const parsed = checkedConfigSchema.safeParse(env);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((issue) => `  - ${issue.path.join('.')}: ${issue.message}`);
  throw new ConfigError(`Invalid configuration (see .env.example):\n${lines.join('\n')}`);
}
