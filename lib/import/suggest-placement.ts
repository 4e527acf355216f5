/** An edition as the suggestion weighs it (dates as YYYY-MM-DD, the event's name in simplified script). */
export interface EditionCandidate {
  id: string;
  year: number;
  startDate: string;
  endDate: string;
  city: string;
  eventName: string;
}

export interface CategoryCandidate {
  id: string;
  name: string;
}

/** Where the review screen places the draft by default, and why (shown under the choice). */
export interface PlacementSuggestion {
  editionId: string | null;
  editionReason: string | null;
  categoryId: string | null;
  categoryReason: string | null;
}

// How much each clue counts. A year in the title ("2023世界制造业大会成果") names the edition;
// the stated publication date usually falls in its year; any other year in the text is a weak hint.
const TITLE_YEAR = 3;
const PUBLISHED_YEAR = 2;
const TEXT_YEAR = 1;
const EVENT_NAME = 2;
const CITY = 1;
const DURING_OR_SOON_AFTER = 1;
/** A results release comes out during the edition or within about a month after it. */
const RESULTS_WINDOW_DAYS = 31;

/** Four-digit years of this and the last century, not part of a longer number. */
const YEAR = /(?<!\d)((?:19|20)\d{2})(?!\d)/g;

function yearsIn(text: string): Set<number> {
  return new Set(Array.from(text.matchAll(YEAR), (m) => Number(m[1])));
}

function daysBetween(from: string, to: string): number {
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
}

/**
 * The edition and category a pasted release most likely belongs to. An edition needs its year in
 * the text (title, stated date, or elsewhere); the event's name, the city and a date within the
 * edition or the month after it break ties. When two editions score the same, none is suggested:
 * the editor chooses. A category is suggested when exactly one category's name is in the text
 * (a copied page often names its section: "安徽省资讯 发布于：…"). Pure: the caller reads the
 * editions and categories, and passes the text in simplified script.
 */
export function suggestPlacement(
  input: { title: string; publishedAt: string | null; text: string },
  choices: { editions: readonly EditionCandidate[]; categories: readonly CategoryCandidate[] },
): PlacementSuggestion {
  const titleYears = yearsIn(input.title);
  const publishedDate = input.publishedAt?.slice(0, 10) ?? null;
  const publishedYear = publishedDate ? Number(publishedDate.slice(0, 4)) : null;
  const textYears = yearsIn(input.text);
  const whole = `${input.title}\n${input.text}`;

  const scored = choices.editions.map((edition) => {
    const reasons: string[] = [];
    let yearScore = 0;
    if (titleYears.has(edition.year)) {
      yearScore = TITLE_YEAR;
      reasons.push(`标题中的年份 ${edition.year}`);
    } else if (publishedYear === edition.year) {
      yearScore = PUBLISHED_YEAR;
      reasons.push(`发布日期的年份 ${edition.year}`);
    } else if (textYears.has(edition.year)) {
      yearScore = TEXT_YEAR;
      reasons.push(`正文中的年份 ${edition.year}`);
    }
    if (yearScore === 0) return { edition, score: 0, reasons };
    let score = yearScore;
    if (edition.eventName && whole.includes(edition.eventName)) {
      score += EVENT_NAME;
      reasons.push(`活动名称“${edition.eventName}”`);
    }
    if (edition.city && whole.includes(edition.city)) {
      score += CITY;
      reasons.push(`城市“${edition.city}”`);
    }
    if (publishedDate) {
      const fromStart = daysBetween(edition.startDate, publishedDate);
      const afterEnd = daysBetween(edition.endDate, publishedDate);
      if (fromStart >= 0 && afterEnd <= RESULTS_WINDOW_DAYS) {
        score += DURING_OR_SOON_AFTER;
        reasons.push("发布日期在会期内或会后一个月内");
      }
    }
    return { edition, score, reasons };
  });
  const best = Math.max(0, ...scored.map((s) => s.score));
  const top = scored.filter((s) => s.score === best && best > 0);

  const named = choices.categories.filter((c) => c.name && whole.includes(c.name));
  const category = named.length === 1 ? named[0] : null;

  return {
    editionId: top.length === 1 ? top[0].edition.id : null,
    editionReason:
      top.length === 1
        ? `根据${top[0].reasons.join("、")}建议`
        : top.length > 1
          ? "稿件与多个届次同样相符，请选择"
          : null,
    categoryId: category?.id ?? null,
    categoryReason: category ? `稿件中出现分类名称“${category.name}”` : null,
  };
}
