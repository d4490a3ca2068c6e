// Starts one database for the whole test run (FerretDB via the project's launcher, or MONGODB_URI) and
// hands its URI to the test files; each file then works in a database of its own.
import { randomBytes } from 'node:crypto';
import type { TestProject } from 'vitest/node';
import { rm } from 'node:fs/promises';
import { launchMongo } from '../../scripts/local-mongo.js';
import { makeTestCertificate } from './tls.js';

declare module 'vitest' {
  export interface ProvidedContext {
    mongoUri: string;
    graphTls: { certPath: string; keyPath: string };
  }
}

export default async function setup(project: TestProject) {
  const dataDir = `.data/test/run-${randomBytes(4).toString('hex')}`;
  const db = await launchMongo({ mongoUri: process.env.MONGODB_URI || undefined, dataDir, ephemeral: true });
  project.provide('mongoUri', db.uri);
  // The HTTPS stand-ins' certificate; test workers start after this and trust it through NODE_EXTRA_CA_CERTS.
  const tls = makeTestCertificate(`${dataDir}-tls`);
  process.env.NODE_EXTRA_CA_CERTS = tls.certPath;
  project.provide('graphTls', tls);
  return async () => {
    await db.stop();
    await rm(`${dataDir}-tls`, { recursive: true, force: true });
  };
}
