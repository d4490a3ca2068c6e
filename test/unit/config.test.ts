import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

describe('configuration', () => {
  it('needs the secret and tenant that go with an app id, and reads the tenant allow-list', () => {
    const app = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';
    expect(() => loadConfig({ MICROSOFT_APP_ID: app })).toThrow(
      /MICROSOFT_APP_PASSWORD: is required when MICROSOFT_APP_ID is set[\s\S]*MICROSOFT_APP_TENANT_ID: is required for a SingleTenant app/,
    );
    expect(
      loadConfig({ MICROSOFT_APP_ID: app, MICROSOFT_APP_PASSWORD: 's', MICROSOFT_APP_TYPE: 'MultiTenant' })
        .MICROSOFT_APP_ID,
    ).toBe(app);
    expect(loadConfig({ ALLOWED_TENANT_IDS: ` ${app.toUpperCase()} , ` }).ALLOWED_TENANT_IDS).toEqual([app]);
    expect(
      loadConfig({ TAB_HOST_ORIGINS: 'https://teams.example.gov, http://127.0.0.1:4999' }).TAB_HOST_ORIGINS,
    ).toEqual(['https://teams.example.gov', 'http://127.0.0.1:4999']);
    for (const bad of ['*', 'http://teams.example.gov', 'https://teams.example.gov/path', "'self'"])
      expect(() => loadConfig({ TAB_HOST_ORIGINS: bad }), bad).toThrow(
        'TAB_HOST_ORIGINS: must be comma-separated origins',
      );
    expect(loadConfig({ SMART_LEAD_DAYS: 'Order=120, works = 30, licensing=42' }).SMART_LEAD_DAYS).toEqual({
      order: 120,
      licensing: 42,
      works: 30,
      event: 21,
      training: 14,
      other: 7,
      desk: 1,
    });
    for (const bad of ['pspo=90', 'order=', 'order=ninety', 'order=90;works=1'])
      expect(() => loadConfig({ SMART_LEAD_DAYS: bad }), bad).toThrow(
        'SMART_LEAD_DAYS: must be kind=days pairs such as order=90,works=42',
      );
    expect(() => loadConfig({ ALLOWED_TENANT_IDS: 'contoso' })).toThrow(
      'ALLOWED_TENANT_IDS: must be a comma-separated list of tenant GUIDs',
    );
  });

  it('has working defaults for local use', () => {
    expect(loadConfig({})).toEqual({
      NODE_ENV: 'development',
      LOG_LEVEL: 'info',
      PORT: 3978,
      MONGODB_URI: undefined,
      MONGODB_DB: 'safer_towns',
      DATA_DIR: '.data/dev',
      MONGODB_COMMAND_LOG: undefined,
      MONGODB_ENTRA_CLIENT_ID: undefined,
      MONGODB_ENTRA_RESOURCE: 'https://ossrdbms-aad.database.windows.net',
      READ_MODEL_ENTRIES: 150_000,
      READ_MODEL_FRESH_MS: 250,
      STORE_SERVER_KIND: 'auto',
      TIMEZONE: 'Europe/London',
      DUE_SOON_DAYS: 3,
      MICROSOFT_APP_ID: undefined,
      MICROSOFT_APP_PASSWORD: undefined,
      MICROSOFT_APP_CERTIFICATE_PATH: undefined,
      AZURE_FEDERATED_TOKEN_FILE: undefined,
      MICROSOFT_APP_TENANT_ID: undefined,
      MICROSOFT_APP_TYPE: 'SingleTenant',
      BOT_OPENID_METADATA_URL: 'https://login.botframework.com/v1/.well-known/openidconfiguration',
      BOT_TOKEN_ISSUER: 'https://api.botframework.com',
      ENTRA_AUTHORITY_HOST: 'https://login.microsoftonline.com',
      ALLOWED_TENANT_IDS: [],
      TAB_HOST_ORIGINS: [],
      RETENTION_CLOSED_ACTION_DAYS: 730,
      RETENTION_AUDIT_DETAIL_DAYS: 2190,
      REMINDER_SWEEP_SECONDS: 300,
      REMINDER_LEASE_SECONDS: 120,
      BOT_CONNECTOR_TIMEOUT_SECONDS: 20,
      ESCALATE_AFTER_DAYS: 7,
      REMINDER_HOURS: { from: 8, until: 18 },
      REMINDER_WEEKDAYS_ONLY: true,
      SMART_MAX_OPEN_ACTIONS: 8,
      SMART_LEAD_DAYS: { order: 90, licensing: 56, works: 42, event: 21, training: 14, other: 7, desk: 1 },
      APPLICATIONINSIGHTS_CONNECTION_STRING: undefined,
      OTEL_EXPORTER_OTLP_ENDPOINT: undefined,
      OTEL_METRIC_EXPORT_INTERVAL: 60_000,
      GRAPH_BASE_URL: 'https://graph.microsoft.com/',
      SHAREPOINT_HOST: '',
      TEAMS_APP_CATALOG_ID: undefined,
      TEAMS_TENANT_RPS: 30,
      DIGEST_DAY: 'monday',
      DIGEST_HOUR: 9,
      SEED_FUND_GBP: 50_000,
    });
  });

  it('takes plain-http Graph only from a stand-in on this machine, and only in local mode', () => {
    expect(loadConfig({ GRAPH_BASE_URL: 'http://127.0.0.1:56151/' }).GRAPH_BASE_URL).toBe(
      'http://127.0.0.1:56151/',
    );
    expect(() => loadConfig({ GRAPH_BASE_URL: 'http://graph.example.org/' })).toThrow(
      /GRAPH_BASE_URL: must be an https:\/\/ URL \(plain http:\/\/ only to 127\.0\.0\.1 or localhost/,
    );
    const app = {
      MICROSOFT_APP_ID: '00000000-0000-4000-8000-0000000000b0',
      MICROSOFT_APP_PASSWORD: 'secret',
      MICROSOFT_APP_TENANT_ID: '00000000-0000-4000-8000-0000000000aa',
    };
    expect(() => loadConfig({ ...app, GRAPH_BASE_URL: 'http://localhost:56151/' })).toThrow(
      /GRAPH_BASE_URL: must be an https:\/\/ URL when MICROSOFT_APP_ID is set/,
    );
  });

  it('reads the retention periods and refuses ones too short to be a policy', () => {
    expect(loadConfig({ RETENTION_CLOSED_ACTION_DAYS: '1095' })).toMatchObject({
      RETENTION_CLOSED_ACTION_DAYS: 1095,
    });
    expect(() => loadConfig({ RETENTION_CLOSED_ACTION_DAYS: '7', RETENTION_AUDIT_DETAIL_DAYS: 'x' })).toThrow(
      /RETENTION_CLOSED_ACTION_DAYS[\s\S]*RETENTION_AUDIT_DETAIL_DAYS/,
    );
  });

  it('reads the reminder settings and refuses impossible ones', () => {
    expect(loadConfig({ REMINDER_HOURS: '7-19', REMINDER_WEEKDAYS_ONLY: 'false' })).toMatchObject({
      REMINDER_HOURS: { from: 7, until: 19 },
      REMINDER_WEEKDAYS_ONLY: false,
    });
    expect(() => loadConfig({ REMINDER_HOURS: '18-8', GRAPH_BASE_URL: 'http://graph.local/' })).toThrow(
      /REMINDER_HOURS: must be sending hours[\s\S]*GRAPH_BASE_URL: must be an https:\/\/ URL/,
    );
    // Token keys and tokens come over https only: a plain-http key set could be swapped on the way.
    expect(() =>
      loadConfig({
        BOT_OPENID_METADATA_URL: 'http://keys.local/',
        ENTRA_AUTHORITY_HOST: 'http://login.local',
      }),
    ).toThrow(
      /BOT_OPENID_METADATA_URL: must be an https:\/\/ URL[\s\S]*ENTRA_AUTHORITY_HOST: must be an https/,
    );
  });

  it('reads and coerces values, treating an empty MONGODB_URI as unset', () => {
    const config = loadConfig({
      PORT: '8080',
      MONGODB_URI: ' ',
      DUE_SOON_DAYS: '5',
      MONGODB_DB: 'towns-prod',
    });
    expect(config).toMatchObject({
      PORT: 8080,
      MONGODB_URI: undefined,
      DUE_SOON_DAYS: 5,
      MONGODB_DB: 'towns-prod',
    });
    expect(loadConfig({ MONGODB_URI: 'mongodb+srv://user:pw@cluster0.example.net/' }).MONGODB_URI).toBe(
      'mongodb+srv://user:pw@cluster0.example.net/',
    );
  });

  it('lists every bad value in one message', () => {
    const bad = {
      PORT: 'eighty',
      MONGODB_URI: 'http://localhost',
      TIMEZONE: 'Mars/Olympus',
      LOG_LEVEL: 'loud',
      MONGODB_DB: 'no spaces please',
    };
    expect(() => loadConfig(bad)).toThrow(ConfigError);
    try {
      loadConfig(bad);
    } catch (error) {
      const lines = (error as Error).message.split('\n');
      expect(lines[0]).toBe('Invalid configuration (see .env.example):');
      expect(lines.slice(1).map((l) => l.split(':')[0]?.trim())).toEqual([
        '- LOG_LEVEL',
        '- PORT',
        '- MONGODB_URI',
        '- MONGODB_DB',
        '- TIMEZONE',
      ]);
      expect((error as Error).message).toContain('MONGODB_URI: must start with mongodb:// or mongodb+srv://');
    }
  });
});
