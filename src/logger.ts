import { pino, type Logger } from 'pino';
import { traceIds } from './telemetry/instruments.js';

/** Structured JSON logs; anything that may carry a secret is redacted wherever it appears. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'safer-towns-bot' },
    // A line logged inside a span carries its trace id, so logs and traces of one turn can be joined.
    mixin: traceIds,
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
