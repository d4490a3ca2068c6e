// `npm run dev`: the local database (started, or reused if `npm run db` is running), seeded with demo data
// when it has no actions, the bot in local mode on PORT (reloaded when a source file changes), and
// Microsoft 365 Agents Playground on PLAYGROUND_PORT talking to it. Ctrl-C stops everything this started.
import { runUntilSignal } from './cli.js';
import { startDevStack } from './dev-stack.js';

await runUntilSignal(async () => {
  const stack = await startDevStack({ env: process.env, watch: true });
  console.log('In a team channel, post "@Safer Towns link Penzance" to make it the town\'s channel.');
  console.log('Ctrl-C stops everything this command started.');
  return () => stack.stop();
});
