// `npm run db`: start the local database and print its connection string; it runs until Ctrl-C.
// With MONGODB_URI set, or a server already running on DATA_DIR, it prints that one and exits.
import { loadConfig } from '../src/config.js';
import { launchMongo } from './local-mongo.js';
import { runUntilSignal } from './cli.js';

await runUntilSignal(async () => {
  const config = loadConfig(process.env);
  const db = await launchMongo({ mongoUri: config.MONGODB_URI, dataDir: config.DATA_DIR });
  console.log(`MONGODB_URI=${db.uri}`);
  if (db.origin !== 'started') {
    const from =
      db.origin === 'external' ? 'from MONGODB_URI' : `FerretDB already running on ${config.DATA_DIR}`;
    console.log(`# ${from}; database name ${config.MONGODB_DB}. Nothing to start.`);
    return null;
  }
  console.log(
    `# FerretDB started on ${config.DATA_DIR}; database name ${config.MONGODB_DB}. Ctrl-C stops it.`,
  );
  return () => db.stop();
});
