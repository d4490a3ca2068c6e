import { pino, type Logger } from 'pino';

/** Structured JSON logs; anything that may carry a secret is redacted wherever it appears. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'safer-towns-bot' },
    redact: {
      paths: [
        '*.password',
        '*.MICROSOFT_APP_PASSWORD',
        '*.authorization',
        '*.headers.authorization',
        '*.MONGODB_URI',
        '*.uri',
      ],
      censor: '[redacted]',
    },
  });
}
