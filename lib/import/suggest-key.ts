import { KEY_GLOSSARY } from "./key-glossary";
import { toSimplified } from "./script";
import { labelSimilarity } from "./text-spans";

/** A key of the registry as the suggestion needs it (lib/figures/key-registry.ts keeps them). */
export interface RegistryKey {
  key: string;
  label: string;
  baseUnit: string;
  aliases: readonly string[];
}

export interface KeySuggestion {
  key: string;
  /** "registry": an existing key whose label matches; "new": a key to be created. */
  source: "registry" | "new";
  /** The registry label it matched, for the review screen. */
  matchedLabel: string | null;
  score: number;
}

/** How alike two labels must be to share a key (签约项目 / 合作签约项目 score 0.75). */
const MATCH_THRESHOLD = 0.6;
const KEY_PATTERN = /^[a-z][a-z0-9_]{0,63}$/;
const KEY_WORDS_MAX = 4;

/**
 * Keys for the figures of one release: the registry key whose label or alias is most like the
 * figure's label (compared in simplified script, base units equal), else a new key built from
 * the label's words. Each key is used once: a release cannot hold a key twice.
 */
export function suggestKeys(
  figures: readonly { label: string; baseUnit: string }[],
  registry: readonly RegistryKey[],
): KeySuggestion[] {
  const names = registry.map((entry) => ({
    entry,
    labels: [entry.label, ...entry.aliases].map((l) => toSimplified(l)),
  }));
  const candidates = figures.map((figure) => {
    const label = toSimplified(figure.label);
    let best: KeySuggestion | null = null;
    for (const { entry, labels } of names) {
      if (entry.baseUnit !== figure.baseUnit) continue;
      for (const name of labels) {
        const score = Math.max(labelSimilarity(label, name), containedSimilarity(label, name));
        if (score >= MATCH_THRESHOLD && score > (best?.score ?? 0))
          best = { key: entry.key, source: "registry", matchedLabel: name, score };
      }
    }
    return best;
  });

  const used = new Set<string>();
  // Where two figures match one key, the closer one keeps it.
  const order = candidates
    .map((c, i) => i)
    .sort((a, b) => (candidates[b]?.score ?? 0) - (candidates[a]?.score ?? 0));
  const result: KeySuggestion[] = new Array(figures.length);
  for (const i of order) {
    const candidate = candidates[i];
    if (candidate && !used.has(candidate.key)) {
      used.add(candidate.key);
      result[i] = candidate;
    }
  }
  const taken = new Map(registry.map((r) => [r.key, r]));
  figures.forEach((figure, i) => {
    if (result[i]) return;
    const wanted = keyFromLabel(toSimplified(figure.label));
    // The glossary builds the same key from the same words: a registry key of that name and base
    // unit is this figure's key in another edition ("签约项目" -> signed_projects).
    const existing = wanted ? taken.get(wanted) : undefined;
    if (existing && existing.baseUnit === figure.baseUnit && !used.has(existing.key)) {
      used.add(existing.key);
      result[i] = {
        key: existing.key,
        source: "registry",
        matchedLabel: existing.label,
        score: MATCH_THRESHOLD,
      };
      return;
    }
    const key = freshKey(wanted ?? `figure_${i + 1}`, used, new Set(taken.keys()));
    used.add(key);
    result[i] = { key, source: "new", matchedLabel: null, score: 0 };
  });
  return result;
}

/**
 * A label that holds the whole of a registry label (or the reverse) of at least four characters
 * scores as a match: "推介会上共签约项目" / "签约项目".
 */
function containedSimilarity(a: string, b: string): number {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= 4 && long.includes(short) ? MATCH_THRESHOLD : 0;
}

/** "合作签约项目" -> "signed_projects" (glossary words in the label's order), or null. */
export function keyFromLabel(label: string): string | null {
  const words: string[] = [];
  for (let at = 0; at < label.length;) {
    const hit = KEY_GLOSSARY.filter(([zh]) => label.startsWith(zh, at)).sort(
      (a, b) => b[0].length - a[0].length,
    )[0];
    if (hit) {
      if (!words.includes(hit[1])) words.push(hit[1]);
      at += hit[0].length;
    } else at++;
  }
  const key = words.slice(-KEY_WORDS_MAX).join("_");
  return KEY_PATTERN.test(key) ? key : null;
}

function freshKey(wanted: string, used: Set<string>, registryKeys: Set<string>): string {
  let key = wanted;
  for (let n = 2; used.has(key) || registryKeys.has(key); n++) key = `${wanted}_${n}`;
  return key;
}
