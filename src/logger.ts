import { pino, type Logger } from 'pino';
import { traceIds } from './telemetry/instruments.js';
import type { LogLineStream } from './telemetry/log-export.js';

/**
 * Structured JSON logs on stdout; anything that may carry a secret is redacted wherever it appears, before
 * any destination sees the line. `alsoTo` is a second destination (OpenTelemetry's, when telemetry is on).
 */
export function createLogger(level: string, alsoTo?: LogLineStream): Logger {
  const options = {
    level,
    base: { service: 'safer-towns-bot' },
    // A line logged inside a span carries its trace id, so logs and traces of one turn can be joined.
    mixin: traceIds,
    redact: {
      // Each name at the top level and one level down (pino's `*.` is the second only).
      paths: [
        'password',
        'MICROSOFT_APP_PASSWORD',
        'authorization',
        'MONGODB_URI',
        'uri',
        '*.password',
        '*.MICROSOFT_APP_PASSWORD',
        '*.authorization',
        '*.headers.authorization',
        '*.MONGODB_URI',
        '*.uri',
      ],
      censor: '[redacted]',
    },
  };
  if (!alsoTo || level === 'silent') return pino(options);
  return pino(
    options,
    pino.multistream([
      { level: level as pino.Level, stream: pino.destination({ dest: 1, sync: true }) },
      { level: level as pino.Level, stream: alsoTo },
    ]),
  );
}
