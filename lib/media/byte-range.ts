import type { ObjectRange } from "./media-storage";

/**
 * The one range of a `Range: bytes=…` header within an object of `size` bytes: null to send the
 * whole object (no header, another unit, or several ranges, which a server may answer in full),
 * "unsatisfiable" for a range that starts past the end (416).
 */
export function parseByteRange(header: string | null, size: number): ObjectRange | "unsatisfiable" | null {
  if (!header) return null;
  const match = /^bytes=\s*(\d*)\s*-\s*(\d*)\s*$/.exec(header.trim());
  if (!match) return null;
  const [, first, last] = match;
  if (first === "" && last === "") return null;
  if (first === "") {
    // A suffix: the last n bytes.
    const length = Number(last);
    if (length === 0) return "unsatisfiable";
    return size === 0 ? "unsatisfiable" : { start: Math.max(0, size - length), end: size - 1 };
  }
  const start = Number(first);
  const end = last === "" ? size - 1 : Math.min(Number(last), size - 1);
  if (!Number.isSafeInteger(start) || start >= size) return "unsatisfiable";
  if (end < start) return null;
  return { start, end };
}
