import { LEADING_WORDS, LIST_SEPARATORS, RESPECTIVELY_PREDICATES } from "./rule-tables";
import { phrasesOf, spanAt, type Span } from "./text-spans";

interface Labelled {
  label: string;
  start: number;
  end: number;
  numberStart: number;
}

/**
 * "A、B分别为X和Y", "占比分别为91%、89%", "分别占全省的87%、86%": ties each value after 分别 to its
 * own subject, either the subjects listed before 分别 or, when only a measure is named there
 * ("占比"), the figures of the sentence before it ("制造业项目534个、总投资额3060亿元").
 */
export function applyRespectively(text: string, sentence: Span, figures: Labelled[]): void {
  const phrases = phrasesOf(text);
  const body = text.slice(sentence.start, sentence.end);
  for (let at = body.indexOf("分别"); at !== -1; at = body.indexOf("分别", at + 2)) {
    const word = sentence.start + at;
    const phrase = spanAt(phrases, word);
    const group = figures.filter((f) => f.start > word && f.start < phrase.end);
    if (group.length < 2) continue;
    let subjectText = text.slice(phrase.start, word).trim();
    for (const lead of LEADING_WORDS)
      if (subjectText.startsWith(lead)) subjectText = subjectText.slice(lead.length);
    const predicate = text.slice(word + 2, group[0].numberStart);
    const suffix = RESPECTIVELY_PREDICATES.find((p) => predicate.startsWith(p.starts))?.suffix ?? "";
    const subjects = subjectText
      .split(LIST_SEPARATORS)
      .map((s) => s.trim())
      .filter(Boolean);
    if (subjects.length === group.length) {
      group.forEach((f, i) => (f.label = `${subjects[i]}${subjects[i].endsWith(suffix) ? "" : suffix}`));
      continue;
    }
    const earlier = figures.filter((f) => f.end <= phrase.start && f.start >= sentence.start);
    if (earlier.length < group.length) continue;
    const measure = subjectText || suffix;
    const owners = earlier.slice(-group.length);
    group.forEach((f, i) => (f.label = `${owners[i].label}${measure}`));
  }
}
