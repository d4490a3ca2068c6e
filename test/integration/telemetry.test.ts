// Telemetry as an operator's collector receives it: the bot as its own process, sending OTLP/HTTP (JSON) to
// a local receiver. The spans and metrics arrive with the names and attributes docs/DEPLOY.md (Telemetry) lists, log
// lines carry the trace id, and nothing anyone typed, nor who they are, is in any of it.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { listenHttps } from '../servers/https-stand-in.js';
import type { AddressInfo } from 'node:net';
import { MongoClient } from 'mongodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { freePort } from '../../scripts/guarded-child.js';
import { FakeConnector } from '../servers/fake-connector.js';
import { USERS } from '../support/bot-harness.js';
import { exited, personalActivity, runScript, startService } from '../support/processes.js';
import { useScriptDatabase } from '../support/script-database.js';

interface OtlpAttribute {
  key: string;
  value: { stringValue?: string; intValue?: string | number; boolValue?: boolean };
}
interface OtlpSpan {
  traceId: string;
  name: string;
  kind: number;
  attributes: OtlpAttribute[];
}

const database = useScriptDatabase('telemetry');
const connector = new FakeConnector();
const client = new MongoClient(inject('mongoUri'));
const received: { path: string; body: string }[] = [];
let receiver: Server;
/** Application Insights' ingestion endpoint, which its exporter reaches over HTTPS only. */
let ingestion: Server;

/** Keeps what a collector is sent (gzip undone) and accepts it. */
function receive(req: IncomingMessage, res: ServerResponse): void {
  const chunks: Buffer[] = [];
  req.on('data', (d: Buffer) => chunks.push(d));
  req.on('end', () => {
    const raw = Buffer.concat(chunks);
    const body = (req.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw).toString();
    received.push({ path: req.url ?? '', body });
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(req.url?.startsWith('/v2.1/track') ? '{"itemsReceived":1,"itemsAccepted":1,"errors":[]}' : '{}');
  });
}
const MARKER = 'Zebedee Quartermaine';

beforeAll(async () => {
  receiver = createServer(receive);
  await new Promise<void>((ready) => receiver.listen(0, '127.0.0.1', ready));
  ingestion = await listenHttps(inject('graphTls'), async (req, res) => receive(req, res));
  await connector.start();
  await client.connect();
  const seeded = runScript('seed.ts', database.env(), ['--demo']);
  if (seeded.status !== 0) throw new Error(seeded.stderr);
});
afterAll(async () => {
  await connector.stop();
  await client.close();
  await new Promise((done) => receiver.close(done));
  await new Promise((done) => ingestion.close(done));
});

const spans = (): OtlpSpan[] =>
  received
    .filter((r) => r.path === '/v1/traces')
    .flatMap(
      (r) =>
        (JSON.parse(r.body) as { resourceSpans: { scopeSpans: { spans: OtlpSpan[] }[] }[] }).resourceSpans,
    )
    .flatMap((r) => r.scopeSpans.flatMap((s) => s.spans));
const metricNames = (): string[] =>
  received
    .filter((r) => r.path === '/v1/metrics')
    .flatMap(
      (r) =>
        (JSON.parse(r.body) as { resourceMetrics: { scopeMetrics: { metrics: { name: string }[] }[] }[] })
          .resourceMetrics,
    )
    .flatMap((r) => r.scopeMetrics.flatMap((s) => s.metrics.map((m) => m.name)));
interface OtlpLogRecord {
  body: { stringValue?: string };
  severityText?: string;
  traceId?: string;
}
const logRecords = (): OtlpLogRecord[] =>
  received
    .filter((r) => r.path === '/v1/logs')
    .flatMap(
      (r) =>
        (JSON.parse(r.body) as { resourceLogs: { scopeLogs: { logRecords: OtlpLogRecord[] }[] }[] })
          .resourceLogs,
    )
    .flatMap((r) => r.scopeLogs.flatMap((s) => s.logRecords));
const attributes = (span: OtlpSpan) =>
  Object.fromEntries(
    span.attributes.map((a) => [a.key, a.value.stringValue ?? a.value.intValue ?? a.value.boolValue]),
  );

async function until(done: () => boolean, what: string | (() => string)): Promise<void> {
  for (let waited = 0; waited < 30_000; waited += 200) {
    if (done()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(
    `no ${typeof what === 'string' ? what : what()} arrived; received: ${received.map((r) => r.path).join(', ')}`,
  );
}

describe('telemetry to an OTLP/HTTP collector', () => {
  it('sends spans for turns, card actions, Bot Connector calls and database commands, and the metrics', async () => {
    const port = await freePort();
    const service = await startService(
      {
        ...database.env(),
        LOG_LEVEL: 'debug',
        REMINDER_SWEEP_SECONDS: '1',
        OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`,
        OTEL_METRIC_EXPORT_INTERVAL: '1000',
        OTEL_BSP_SCHEDULE_DELAY: '200',
      },
      port,
    );
    try {
      const post = (activity: Record<string, unknown>) =>
        fetch(`http://127.0.0.1:${port}/api/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(personalActivity(USERS.coordinator, connector.url, activity)),
        });
      expect((await post({ type: 'message', text: 'my tasks' })).status).toBe(200);
      expect((await post({ type: 'message', text: `${MARKER} was seen again` })).status).toBe(200);
      const action = await client
        .db(database.dbName)
        .collection<{ _id: string; version: number }>('actions')
        .findOne({ town: 'truro' });
      const click = await post({
        type: 'invoke',
        name: 'adaptiveCard/action',
        value: {
          action: {
            type: 'Action.Execute',
            verb: 'action.note',
            data: { actionId: action!._id, version: action!.version, note: `Spoke to ${MARKER}, 12 Fore St` },
          },
        },
      });
      expect(click.status).toBe(200);
      await post({
        type: 'invoke',
        name: 'adaptiveCard/action',
        value: { action: { type: 'Action.Execute', verb: MARKER, data: {} } },
      });

      const names = () => new Set(spans().map((s) => s.name));
      await until(
        () =>
          ['bot.turn', 'bot.card_action', 'bot_connector.send', 'mongodb.find'].every((n) => names().has(n)),
        'spans',
      );
      await until(
        () =>
          [
            'safer_towns.card_action.duration',
            'safer_towns.sweep.duration',
            'safer_towns.reminders',
            'safer_towns.dispatcher.queue_depth',
          ].every((n) => metricNames().includes(n)),
        () => `metrics (got ${[...new Set(metricNames())].join(', ')})`,
      );
      const turn = spans().find(
        (s) => s.name === 'bot.turn' && attributes(s)['safer_towns.command'] === 'my actions',
      )!;
      expect(turn.kind).toBe(2); // SERVER
      expect(attributes(turn)).toMatchObject({
        'bot.activity.type': 'message',
        'bot.conversation.type': 'personal',
      });
      const verbs = spans()
        .filter((s) => s.name === 'bot.card_action')
        .map((s) => attributes(s)['safer_towns.verb']);
      expect(verbs).toEqual(expect.arrayContaining(['action.note', 'unknown']));
      const find = spans().find((s) => s.name === 'mongodb.find')!;
      expect(attributes(find)['db.system.name']).toBe('mongodb');
      expect(typeof attributes(find)['db.collection.name']).toBe('string');
      // The log line of a turn names its trace.
      const logged = service
        .output()
        .split('\n')
        .filter((l) => l.includes('"turn done"'));
      const traceIds = new Set(spans().map((s) => s.traceId));
      expect(logged.some((l) => traceIds.has((JSON.parse(l) as { trace_id?: string }).trace_id ?? ''))).toBe(
        true,
      );
      // The same lines reach the collector as log records, joined to their turn's trace.
      await until(() => logRecords().some((r) => r.body.stringValue === 'turn done'), 'log records');
      const turnDone = logRecords().find((r) => r.body.stringValue === 'turn done')!;
      expect(traceIds.has(turnDone.traceId ?? '')).toBe(true);
      expect(turnDone.severityText).toBe('DEBUG');
      expect(logRecords().some((r) => r.body.stringValue === 'database ready')).toBe(true);

      const everything = received.map((r) => r.body).join('\n');
      for (const secret of [
        MARKER,
        'Fore St',
        USERS.coordinator.name,
        USERS.coordinator.email,
        USERS.coordinator.aadObjectId,
      ])
        expect(everything, secret).not.toContain(secret);
    } finally {
      service.child.kill('SIGTERM');
      await exited(service.child);
    }
  }, 120_000);
});

describe('telemetry to Azure Monitor (Application Insights)', () => {
  it("sends the bot's spans to the connection string's ingestion endpoint, and no typed text", async () => {
    const port = await freePort();
    const endpoint = `https://127.0.0.1:${(ingestion.address() as AddressInfo).port}/`;
    const service = await startService(
      {
        ...database.env(),
        NODE_EXTRA_CA_CERTS: inject('graphTls').certPath,
        REMINDER_SWEEP_SECONDS: '0',
        LOG_LEVEL: 'info',
        APPLICATIONINSIGHTS_CONNECTION_STRING: `InstrumentationKey=00000000-0000-4000-8000-000000000000;IngestionEndpoint=${endpoint}`,
        // Statsbeat reports the SDK's own health to Microsoft; there is no reaching it here.
        APPLICATIONINSIGHTS_STATSBEAT_DISABLED: 'true',
        OTEL_BSP_SCHEDULE_DELAY: '200',
      },
      port,
    );
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(
          personalActivity(USERS.coordinator, connector.url, { type: 'message', text: `${MARKER} again` }),
        ),
      });
      expect(res.status).toBe(200);
      const tracked = () => received.filter((r) => r.path.startsWith('/v2.1/track')).map((r) => r.body);
      await until(() => tracked().some((b) => b.includes('bot.turn')), 'Application Insights request');
      // Log lines arrive too, as Application Insights messages (the traces table).
      await until(
        () => tracked().some((b) => b.includes('MessageData') && b.includes('database ready')),
        'log message',
      );
      expect(tracked().join('\n')).not.toContain(MARKER);
    } finally {
      service.child.kill('SIGTERM');
      await exited(service.child);
    }
  }, 120_000);
});
