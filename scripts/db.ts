// `npm run db`: start the local database (or confirm MONGODB_URI), print the connection string, run until Ctrl-C.
import { loadConfig } from '../src/config.js';
import { launchMongo, LauncherError } from './local-mongo.js';
import { runUntilSignal } from './run-until-signal.js';

await runUntilSignal(async () => {
  const config = loadConfig(process.env);
  const db = await launchMongo({ mongoUri: config.MONGODB_URI, dataDir: config.DATA_DIR });
  const note = {
    external: 'from MONGODB_URI',
    started: 'FerretDB started',
    reused: 'FerretDB already running',
  };
  console.log(`MONGODB_URI=${db.uri}`);
  console.log(`# ${note[db.origin]}; database name ${config.MONGODB_DB}. Ctrl-C stops it.`);
  return () => db.stop();
}, [LauncherError]);
