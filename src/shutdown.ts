// How long stopping may take. The whole shutdown fits in the budget whatever hangs: it is under the
// platforms' grace before they kill the process (infra/host.bicep gives Container Apps 40 s; Kubernetes and
// App Service allow 30 s by default), so a stop is always clean.
export const SHUTDOWN_BUDGET_MS = 25_000;

/** `work`, or undefined once `ms` have passed: a step that hangs cannot hold the shutdown. */
export async function within<T>(work: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>((done) => (timer = setTimeout(() => done(undefined), ms)));
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}
