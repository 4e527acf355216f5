import type { FigureForm } from "../releases/editor-form";
import { emptyFigure } from "../releases/editor-form";
import { parseFigureText } from "./parse";
import { resolveUnit } from "./units";
import type { RegistryKey } from "../import/suggest-key";

// "标为数据" in the body editor: the words an editor selected ("1.6万名") become a figure with that
// mention and the sentence around it, and a key from the registry when the sentence names one.

const SENTENCE_END = /[。！？；!?;\n]/;

/** The sentence of `text` that holds the characters start..end, with its closing mark. */
export function sentenceAround(text: string, start: number, end: number): string {
  let from = start;
  while (from > 0 && !SENTENCE_END.test(text[from - 1])) from--;
  let to = end;
  while (to < text.length && !SENTENCE_END.test(text[to])) to++;
  if (to < text.length && text[to] !== "\n") to++;
  return text.slice(from, to).trim();
}

// One shape of a registry entry for both suggesters (the import assistant's and 标为数据).
export type { RegistryKey } from "../import/suggest-key";

const MIN_LABEL_MATCH = 0.34;

/** Share of a label's two-character pieces that the sentence contains: "参会嘉宾和代表" in "…1.6万名嘉宾和代表…" is 4/6. */
export function labelMatch(label: string, sentence: string): number {
  const chars = [...label.replace(/\s+/g, "")];
  if (chars.length < 2) return chars.length === 1 && sentence.includes(chars[0]) ? 1 : 0;
  let found = 0;
  for (let i = 0; i < chars.length - 1; i++) if (sentence.includes(chars[i] + chars[i + 1])) found++;
  return found / (chars.length - 1);
}

/**
 * The registry key the sentence most likely states: the best match of its label (or an alias) with
 * the sentence, among keys of the same base unit that no other figure of the release uses.
 */
export function suggestRegistryKey(
  sentence: string,
  mention: string,
  baseUnit: string,
  registry: readonly RegistryKey[],
  usedKeys: ReadonlySet<string>,
): RegistryKey | null {
  const words = sentence.replace(mention, " ");
  let best: { entry: RegistryKey; score: number } | null = null;
  for (const entry of registry) {
    if (entry.baseUnit !== baseUnit || usedKeys.has(entry.key)) continue;
    const score = Math.max(...[entry.label, ...entry.aliases].map((name) => labelMatch(name, words)));
    if (score >= MIN_LABEL_MATCH && (!best || score > best.score)) best = { entry, score };
  }
  return best?.entry ?? null;
}

/** A key for a figure nobody has named yet: figure_N, the first N no figure of the release uses. */
export function freshFigureKey(usedKeys: ReadonlySet<string>, from: number): string {
  let n = from;
  while (usedKeys.has(`figure_${n}`)) n++;
  return `figure_${n}`;
}

/** The figure for selected words, or null when they are not a number with a unit. */
export function figureFromSelection(
  mention: string,
  sentence: string,
  figures: readonly FigureForm[],
  registry: readonly RegistryKey[],
): FigureForm | null {
  const words = mention.trim();
  if (words.length > 60) return null;
  const parsed = parseFigureText(words);
  if (!parsed || !parsed.unit || parsed.unit.length > 20) return null;
  const used = new Set(figures.map((f) => f.key));
  const suggested = suggestRegistryKey(sentence, words, resolveUnit(parsed.unit).baseUnit, registry, used);
  return {
    ...emptyFigure(figures.length),
    key: suggested?.key ?? freshFigureKey(used, figures.length + 1),
    label: suggested?.label ?? "",
    value: parsed.value,
    unit: parsed.unit,
    qualifier: parsed.qualifier,
    qualifierWord: parsed.qualifierWord ?? "",
    mention: words,
    sourceText: sentence.slice(0, 500),
  };
}
