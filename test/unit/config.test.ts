import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

describe('configuration', () => {
  it('has working defaults for local use', () => {
    expect(loadConfig({})).toEqual({
      NODE_ENV: 'development',
      LOG_LEVEL: 'info',
      PORT: 3978,
      MONGODB_URI: undefined,
      MONGODB_DB: 'safer_towns',
      DATA_DIR: '.data/dev',
      TIMEZONE: 'Europe/London',
      DUE_SOON_DAYS: 3,
    });
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
