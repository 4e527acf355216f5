// Exact decimal strings for figures. Scales are powers of ten, so unit conversion is a shift of
// the decimal point: no floating point ever touches a published number.

const DECIMAL = /^(-)?(\d+)(?:\.(\d+))?$/;

export function isDecimalString(value: string): boolean {
  return DECIMAL.test(value.trim());
}

/** "0016.500" -> "16.5", "-0" -> "0". Throws on anything that is not a plain decimal. */
export function normalizeDecimal(value: string): string {
  const match = DECIMAL.exec(value.trim());
  if (!match) throw new Error(`Not a decimal number: ${value}`);
  const [, sign, whole, fraction = ""] = match;
  const intPart = whole.replace(/^0+(?=\d)/, "");
  const fracPart = fraction.replace(/0+$/, "");
  const text = fracPart ? `${intPart}.${fracPart}` : intPart;
  return sign && text !== "0" ? `-${text}` : text;
}

/** Multiplies a decimal string by 10^exponent, exactly. */
export function shiftDecimal(value: string, exponent: number): string {
  const normal = normalizeDecimal(value);
  const negative = normal.startsWith("-");
  const [whole, fraction = ""] = normal.replace("-", "").split(".");
  let digits = whole + fraction;
  let point = whole.length + exponent;
  if (point <= 0) {
    digits = "0".repeat(1 - point) + digits;
    point = 1;
  } else if (point > digits.length) {
    digits = digits + "0".repeat(point - digits.length);
  }
  const shifted = `${digits.slice(0, point)}.${digits.slice(point)}`.replace(/\.$/, "");
  return normalizeDecimal(`${negative ? "-" : ""}${shifted}`);
}

/** log10 of a scale that must be a power of ten ("10000" -> 4, "0.01" -> -2). */
export function powerOfTen(scale: string): number {
  const normal = normalizeDecimal(scale);
  if (/^10*$/.test(normal)) return normal.length - 1;
  const small = /^0\.(0*)1$/.exec(normal);
  if (small) return -(small[1].length + 1);
  throw new Error(`Unit scale must be a power of ten: ${scale}`);
}

export function compareDecimal(a: string, b: string): number {
  const x = normalizeDecimal(a);
  const y = normalizeDecimal(b);
  const negX = x.startsWith("-");
  const negY = y.startsWith("-");
  if (negX !== negY) return negX ? -1 : 1;
  const [wx, fx = ""] = x.replace("-", "").split(".");
  const [wy, fy = ""] = y.replace("-", "").split(".");
  const width = Math.max(fx.length, fy.length);
  const padX = wx.padStart(40, "0") + fx.padEnd(width, "0");
  const padY = wy.padStart(40, "0") + fy.padEnd(width, "0");
  const order = padX === padY ? 0 : padX < padY ? -1 : 1;
  return negX ? -order : order;
}
