import fs from "node:fs";
import path from "node:path";

/**
 * Turns a request path into the app route it reaches ("/releases/[slug]"), for metric labels and
 * log lines: the raw path would give every address, including made-up ones, its own time series.
 * Patterns come from the build's routes manifest, so the set of labels is the set of routes.
 */
export interface RoutePatterns {
  routeOf(pathname: string): string;
}

interface ManifestRoute {
  page: string;
  regex: string;
}

// Served by the production server itself (lib/http/ops-endpoints.ts), or by Next outside the app's routes.
const FIXED_ROUTES: Array<[RegExp, string]> = [
  [/^\/healthz$/, "/healthz"],
  [/^\/readyz$/, "/readyz"],
  [/^\/metrics$/, "/metrics"],
  [/^\/_next\/static\//, "/_next/static"],
  [/^\/_next\/image(?:\/|$)/, "/_next/image"],
  [/^\/_next\//, "/_next"],
];

export const UNMATCHED_ROUTE = "(unmatched)";

export function routePatternsFrom(manifest: {
  staticRoutes?: ManifestRoute[];
  dynamicRoutes?: ManifestRoute[];
}): RoutePatterns {
  const routes: Array<[RegExp, string]> = [
    ...FIXED_ROUTES,
    // Static before dynamic, and dynamic in the manifest's order: the order Next matches them in.
    ...[...(manifest.staticRoutes ?? []), ...(manifest.dynamicRoutes ?? [])].map(
      (route): [RegExp, string] => [new RegExp(route.regex), route.page],
    ),
  ];
  return {
    routeOf(pathname) {
      for (const [regex, page] of routes) if (regex.test(pathname)) return page;
      return UNMATCHED_ROUTE;
    },
  };
}

/** The patterns of the build in `distDir` (every path is unmatched without a build). */
export function loadRoutePatterns(distDir = path.resolve(".next")): RoutePatterns {
  try {
    return routePatternsFrom(JSON.parse(fs.readFileSync(path.join(distDir, "routes-manifest.json"), "utf8")));
  } catch {
    return routePatternsFrom({});
  }
}
