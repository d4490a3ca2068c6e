// Starts one database for the whole test run (FerretDB via the project's launcher, or MONGODB_URI) and
// hands its URI to the test files; each file then works in a database of its own.
import { randomBytes } from 'node:crypto';
import type { TestProject } from 'vitest/node';
import { launchMongo } from '../../scripts/local-mongo.js';

declare module 'vitest' {
  export interface ProvidedContext {
    mongoUri: string;
  }
}

export default async function setup(project: TestProject) {
  const db = await launchMongo({
    mongoUri: process.env.MONGODB_URI || undefined,
    dataDir: `.data/test/run-${randomBytes(4).toString('hex')}`,
    ephemeral: true,
  });
  project.provide('mongoUri', db.uri);
  return () => db.stop();
}
