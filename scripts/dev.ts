// `npm run dev`: the local database (started, or reused if `npm run db` is running), seeded with demo data
// when it has no actions, the bot in local mode on PORT (reloaded when a source file changes), and
// Microsoft 365 Agents Playground on PLAYGROUND_PORT talking to it. Ctrl-C stops everything this started.
import { existsSync } from 'node:fs';
import { runUntilSignal } from './cli.js';
import { startDevStack } from './dev-stack.js';

// .env, when there is one, as `npm start` reads it; what the environment already says wins.
if (existsSync('.env')) process.loadEnvFile('.env');

await runUntilSignal(async () => {
  const stack = await startDevStack({ env: process.env, watch: true, interactive: true });
  console.log('In a team channel, post "@Safer Towns link Truro" to make it the town\'s channel.');
  console.log('A debugger can attach on 127.0.0.1:9229 (VS Code: "Attach to the bot in npm run dev").');
  console.log('Ctrl-C stops everything this command started.');
  return () => stack.stop();
});
