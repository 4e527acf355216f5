import { RECORD_CLAIMS, LIST_SEPARATORS } from "./rule-tables";
import { characterOverlap, labelSimilarity, phrasesOf, spanAt, type Span } from "./text-spans";

interface Claimable {
  label: string;
  start: number;
  end: number;
  isRecord: boolean;
  recordNote: string | null;
}

/** How close a listed subject ("参展企业数") must be to a figure's label ("企业") to be its claim. */
const SUBJECT_MATCH = 0.4;

/**
 * Attaches the record claims of one sentence ("均创历史新高", "创历届单日参观纪录", "最多") to the
 * figures they qualify. `figures` are those of the paragraph, in order; `sentence` bounds the claims.
 */
export function attachRecordClaims(text: string, sentence: Span, figures: Claimable[]): void {
  const phrases = phrasesOf(text);
  const taken: Span[] = [];
  for (const rule of RECORD_CLAIMS) {
    const pattern = new RegExp(rule.pattern.source, "g");
    const body = text.slice(sentence.start, sentence.end);
    for (const match of body.matchAll(pattern)) {
      const start = sentence.start + (match.index ?? 0);
      const end = start + match[0].length;
      if (taken.some((t) => start < t.end && t.start < end)) continue;
      const claim = match[0].replace(/^均/, "");
      const inSentence = figures.filter((f) => f.start >= sentence.start && f.end <= sentence.end);
      const targets = claimTargets(rule.scope, text, { start, end }, inSentence, figures, phrases, claim);
      if (!targets.length) continue;
      taken.push({ start, end });
      for (const { figure, note } of targets) {
        figure.isRecord = true;
        figure.recordNote = note;
      }
    }
  }
}

function claimTargets(
  scope: (typeof RECORD_CLAIMS)[number]["scope"],
  text: string,
  claim: Span,
  inSentence: Claimable[],
  inParagraph: Claimable[],
  phrases: Span[],
  note: string,
): { figure: Claimable; note: string }[] {
  const phrase = spanAt(phrases, claim.start);
  const before = inSentence.filter((f) => f.end <= claim.start);
  if (scope === "clause") {
    const own = inSentence.filter((f) => f.start >= phrase.start && f.end <= phrase.end);
    return own.map((figure) => ({ figure, note: text.slice(phrase.start, claim.end) }));
  }
  if (scope === "previous") {
    const last = before.at(-1);
    const previousPhrase = spanAt(phrases, phrase.start - 2);
    if (!last || last.start < Math.min(phrase.start, previousPhrase.start)) return [];
    // "活动丰富程度为历届之最" names its own subject: it claims a figure only if that is the one named.
    const subject = text.slice(phrase.start, claim.start).trim();
    if (last.start < phrase.start && subject && characterOverlap(subject, last.label) < SUBJECT_MATCH)
      return [];
    return [{ figure: last, note }];
  }
  // "A、B、C均创…": each listed subject claims the figure it names; no subjects: all before it.
  const subjects = text
    .slice(phrase.start, claim.start)
    .split(LIST_SEPARATORS)
    .map((s) => s.trim())
    .filter(Boolean);
  const hasOwnFigure = before.some((f) => f.start >= phrase.start);
  if (!subjects.length || hasOwnFigure) return before.map((figure) => ({ figure, note }));
  const candidates = inParagraph.filter((f) => f.end <= claim.start);
  const matched: { figure: Claimable; note: string }[] = [];
  for (const subject of subjects) {
    let best: Claimable | null = null;
    let bestScore = SUBJECT_MATCH;
    for (const f of candidates) {
      const score = Math.max(labelSimilarity(subject, f.label), characterOverlap(subject, f.label) - 0.1);
      if (score >= bestScore && !matched.some((m) => m.figure === f)) {
        best = f;
        bestScore = score;
      }
    }
    if (best) matched.push({ figure: best, note: `${subject}${note}` });
  }
  return matched.length ? matched : before.map((figure) => ({ figure, note }));
}
