/**
 * Work to finish before the process exits (e.g. writing counted views). Kept on globalThis: the
 * production server script and Next's route bundles load their own copies of this module.
 */
const KEY = Symbol.for("pressroom.shutdown-hooks");
const holder = globalThis as typeof globalThis & { [KEY]?: Set<() => Promise<void>> };

export function onShutdown(hook: () => Promise<void>) {
  holder[KEY] ??= new Set();
  holder[KEY].add(hook);
}

/** Runs every hook once; failures are logged, never keep the process from exiting. */
export async function runShutdownHooks(): Promise<void> {
  const hooks = [...(holder[KEY] ?? [])];
  holder[KEY]?.clear();
  const results = await Promise.allSettled(hooks.map((hook) => hook()));
  for (const result of results) if (result.status === "rejected") console.error(result.reason);
}
