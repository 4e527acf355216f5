import type { ServerResponse } from "node:http";
import { PUBLIC_CHANGE_HEADER } from "../publication/public-change-header";

/**
 * For the production server: calls `onChange` when a response says it changed public content
 * (lib/publication/public-change.ts), once the response has finished, and never lets the header out.
 */
export function watchPublicChangeSignal(res: ServerResponse, onChange: () => void) {
  const writeHead = res.writeHead as (...args: unknown[]) => ServerResponse;
  res.writeHead = function (this: ServerResponse, ...args: unknown[]) {
    const headers = args.find(
      (a): a is Record<string, unknown> => typeof a === "object" && a !== null && !Array.isArray(a),
    );
    const inHeaders = headers && Object.keys(headers).find((k) => k.toLowerCase() === PUBLIC_CHANGE_HEADER);
    if (this.hasHeader(PUBLIC_CHANGE_HEADER) || inHeaders) {
      this.removeHeader(PUBLIC_CHANGE_HEADER);
      if (headers && inHeaders) delete headers[inHeaders];
      this.once("finish", onChange);
    }
    return writeHead.apply(this, args);
  } as ServerResponse["writeHead"];
}
