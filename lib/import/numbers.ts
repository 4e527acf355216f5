import { Culture } from "@microsoft/recognizers-text";
import { NumberRecognizer } from "@microsoft/recognizers-text-number";
import { isDecimalString, normalizeDecimal } from "../figures/decimal";
import { MAGNITUDE_WORDS, QUALIFIER_WORDS, ROUND_AMOUNTS } from "./rule-tables";

/** A number in the text: its value as written (no floats) and the magnitude word written with it. */
export interface NumberToken {
  start: number;
  /** Exclusive. */
  end: number;
  value: string;
  magnitude: string;
  /** Written in Chinese numerals (三, 两千三百) rather than digits. */
  inWords: boolean;
}

// Building the recogniser's models costs tens of milliseconds: once per process.
let model: ReturnType<NumberRecognizer["getNumberModel"]> | null = null;
function numberModel() {
  model ??= new NumberRecognizer(Culture.Chinese).getNumberModel();
  return model;
}

const WRITTEN_IN_DIGITS = new RegExp(`^([0-9][0-9,]*(?:\\.[0-9]+)?)(${MAGNITUDE_WORDS.join("|")})?$`);
const BEFORE_WORDS = QUALIFIER_WORDS.filter((q) => q.position === "before").map((q) => q.word);

/** Every number of a (simplified, half-width) text, in order. */
export function findNumbers(text: string): NumberToken[] {
  const tokens: NumberToken[] = [];
  for (const found of numberModel().parse(text)) {
    const token = toToken(found.text, found.start, found.resolution?.value);
    if (token) tokens.push(token);
  }
  tokens.push(...findRoundAmounts(text, tokens));
  return tokens.sort((a, b) => a.start - b.start);
}

function toToken(written: string, start: number, resolved: unknown): NumberToken | null {
  const end = start + written.length;
  const digits = WRITTEN_IN_DIGITS.exec(written);
  if (digits) {
    const value = digits[1].replace(/,/g, "");
    if (!isDecimalString(value)) return null;
    return { start, end, value: normalizeDecimal(value), magnitude: digits[2] ?? "", inWords: false };
  }
  // Chinese numerals: the recogniser's resolution is exact for integers written in words.
  if (typeof resolved !== "string" || !isDecimalString(resolved)) return null;
  return { start, end, value: normalizeDecimal(resolved), magnitude: "", inWords: true };
}

/** "近千万", "过百万": a qualifier word followed by a magnitude word alone. */
function findRoundAmounts(text: string, known: NumberToken[]): NumberToken[] {
  const found: NumberToken[] = [];
  for (const word of BEFORE_WORDS) {
    for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + 1)) {
      const start = at + word.length;
      if (known.some((t) => t.start <= start && start < t.end) || found.some((t) => t.start === start))
        continue;
      const round = ROUND_AMOUNTS.find((r) => text.startsWith(r.word, start));
      if (!round) continue;
      found.push({
        start,
        end: start + round.word.length,
        value: round.value,
        magnitude: round.magnitude,
        inWords: true,
      });
    }
  }
  return found;
}
