import * as OpenCC from "opencc-js";

export type Script = "simplified" | "traditional";

// opencc-js builds its dictionaries when a converter is made (about 0.1 s for traditional to
// simplified; the other direction takes ten times as long and is not needed): once per process.
let converter: ((text: string) => string) | null = null;
function simplifiedConverter() {
  converter ??= OpenCC.Converter({ from: "t", to: "cn" });
  return converter;
}

/** Share of Chinese characters a text in traditional script changes in its simplified copy: about 20-30 %. */
const TRADITIONAL_SHARE = 0.05;

const isSurrogate = (unit: number) => unit >= 0xd800 && unit <= 0xdfff;

/**
 * Whether two texts have the same length and their two-unit characters (surrogate pairs) at the
 * same places, so an offset in one is the same character's offset in the other.
 */
export function sameShape(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++)
    if (isSurrogate(a.charCodeAt(i)) !== isSurrogate(b.charCodeAt(i))) return false;
  return true;
}

/**
 * A simplified copy of the text with the same shape (sameShape), so every offset found in the copy
 * points at the same words of the original. A phrase that converts to another shape is converted
 * character by character instead, and a character whose simplified form is longer or shorter
 * (opencc maps a few hundred rare characters between one and two code units: 𠗣→㓆) stays as it is.
 */
export function toSimplified(text: string): string {
  const toSimplified = simplifiedConverter();
  const whole = toSimplified(text);
  if (sameShape(whole, text)) return whole;
  return Array.from(text, (c) => {
    const one = toSimplified(c);
    return one.length === c.length ? one : c;
  }).join("");
}

/**
 * Traditional when enough of its Chinese characters change in the simplified copy; a simplified
 * text changes none or a stray few (a quoted name).
 */
export function detectScript(text: string): Script {
  const chinese = text.replace(/[^\u3400-\u9fff\uf900-\ufaff]/g, "");
  if (!chinese) return "simplified";
  const simplified = toSimplified(chinese);
  let changed = 0;
  for (let i = 0; i < chinese.length; i++) if (simplified[i] !== chinese[i]) changed++;
  return changed >= 2 && changed / chinese.length >= TRADITIONAL_SHARE ? "traditional" : "simplified";
}

/** Full-width digits, letters and signs (１２％，) as their ASCII forms: one character for one. */
export function foldWidth(text: string): string {
  return text
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, " ");
}
