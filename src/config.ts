// Every environment variable the service reads, in one zod schema. Nothing else reads process.env.
import { z } from 'zod';

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

const mongoUri = optionalText.refine((v) => v === undefined || /^mongodb(\+srv)?:\/\/\S+$/.test(v), {
  message: 'must start with mongodb:// or mongodb+srv://',
});

export const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3978),
  MONGODB_URI: mongoUri,
  MONGODB_DB: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,38}$/, 'letters, digits, _ and - only, at most 38 characters')
    .default('safer_towns'),
  DATA_DIR: z.string().min(1).default('.data/dev'),
  TIMEZONE: z
    .string()
    .default('Europe/London')
    .refine(isTimeZone, { message: 'must be an IANA time zone such as Europe/London' }),
  DUE_SOON_DAYS: z.coerce.number().int().min(1).max(30).default(3),
});

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Parses the environment; a bad value stops start-up with one message listing every problem. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const parsed = configSchema.safeParse(env);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((issue) => `  - ${issue.path.join('.')}: ${issue.message}`);
  throw new ConfigError(`Invalid configuration (see .env.example):\n${lines.join('\n')}`);
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
