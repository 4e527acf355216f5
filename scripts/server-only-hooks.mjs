/**
 * Module resolution hook (registered by server-only-outside-next.mjs). `server-only` throws unless
 * it is resolved with the `react-server` condition, which Next applies to its server bundles. Code
 * that runs lib/ directly (the tsx scripts and the production server, which also loads Next) gets
 * that condition for this one package only: a global `--conditions=react-server` would also switch
 * react and react-dom to their server builds under Next.
 */
export async function resolve(specifier, context, nextResolve) {
  if (specifier !== "server-only") return nextResolve(specifier, context);
  return nextResolve(specifier, { ...context, conditions: [...context.conditions, "react-server"] });
}
