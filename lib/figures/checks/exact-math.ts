import { normalizeDecimal } from "../decimal";

// Exact sums, bounds and ratios for the checks: decimal strings become BigInts at a shared scale, so
// no floating point ever decides whether a figure is consistent.

/** A decimal as an integer count of 10^-scale. */
interface Scaled {
  units: bigint;
  scale: number;
}

function toScaled(value: string): Scaled {
  const normal = normalizeDecimal(value);
  const [whole, fraction = ""] = normal.replace("-", "").split(".");
  const units = BigInt(whole + fraction) * (normal.startsWith("-") ? -1n : 1n);
  return { units, scale: fraction.length };
}

function rescale(x: Scaled, scale: number): bigint {
  return x.units * 10n ** BigInt(scale - x.scale);
}

function fromUnits(units: bigint, scale: number): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, "0");
  const text = scale ? `${digits.slice(0, -scale)}.${digits.slice(-scale)}` : digits;
  return normalizeDecimal(`${negative ? "-" : ""}${text}`);
}

export function addDecimals(values: readonly string[]): string {
  const scaled = values.map(toScaled);
  const scale = Math.max(0, ...scaled.map((s) => s.scale));
  return fromUnits(
    scaled.reduce((sum, s) => sum + rescale(s, scale), 0n),
    scale,
  );
}

export function subtractDecimal(a: string, b: string): string {
  const [x, y] = [toScaled(a), toScaled(b)];
  const scale = Math.max(x.scale, y.scale);
  return fromUnits(rescale(x, scale) - rescale(y, scale), scale);
}

export function multiplyDecimals(a: string, b: string): string {
  const [x, y] = [toScaled(a), toScaled(b)];
  return fromUnits(x.units * y.units, x.scale + y.scale);
}

/** value × numerator / 10^exponent, exactly (e.g. 0.9 × value = ×9 / 10^1). */
export function multiplyDecimal(value: string, numerator: bigint, exponent: number): string {
  const x = toScaled(value);
  return fromUnits(x.units * numerator, x.scale + exponent);
}

/**
 * The step of a number's last non-zero digit: 4500 -> 100, 100000 -> 100000, 0.5 -> 0.1, 0 -> 1.
 * "4500多" means at least 4500 and less than 4600: the text's own precision.
 */
export function lastDigitStep(value: string): string {
  const normal = normalizeDecimal(value).replace("-", "");
  const [whole, fraction = ""] = normal.split(".");
  if (fraction) return fromUnits(1n, fraction.length);
  const zeros = /0*$/.exec(whole)![0].length;
  return whole === "0" ? "1" : `1${"0".repeat(zeros)}`;
}

/** part / whole × 100, rounded half up to one decimal place ("90.97…" -> "91.0"). */
export function percentOf(part: string, whole: string): string {
  const [p, w] = [toScaled(part), toScaled(whole)];
  const scale = Math.max(p.scale, w.scale);
  const [pu, wu] = [rescale(p, scale), rescale(w, scale)];
  if (wu === 0n) throw new Error("percentOf: the whole is zero");
  const tenths = (pu * 2000n + wu) / (2n * wu);
  return fromUnits(tenths, 1);
}

/** |a - b| compared with `tolerance`: -1 closer, 0 exactly at it, 1 further. */
export function compareDistance(a: string, b: string, tolerance: string): number {
  const gap = subtractDecimal(a, b).replace("-", "");
  const [x, t] = [toScaled(gap), toScaled(tolerance)];
  const scale = Math.max(x.scale, t.scale);
  const [xu, tu] = [rescale(x, scale), rescale(t, scale)];
  return xu === tu ? 0 : xu < tu ? -1 : 1;
}
