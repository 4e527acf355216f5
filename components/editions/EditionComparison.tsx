import Link from "next/link";
import type { SeriesPoint } from "@/lib/editions/public-dto";
import type { Messages } from "@/lib/i18n/messages";
import { localePath } from "@/lib/i18n/paths";

/** 历届对比 under a key figure: its values in the event's other editions, and the way to all of them. */
export function EditionComparison({
  figureKey,
  label,
  points,
  messages,
}: {
  figureKey: string;
  label: string;
  points: SeriesPoint[];
  messages: Messages;
}) {
  const t = messages.editions;
  return (
    <div className="edition-comparison">
      <p className="edition-comparison__title" id={`compare-${figureKey}`}>
        {t.compare}
      </p>
      <ul aria-labelledby={`compare-${figureKey}`}>
        {points.map((p) => (
          <li key={`${p.edition.event.slug}-${p.edition.year}`}>
            <span className="edition-comparison__year">{p.edition.year}</span>{" "}
            <data value={p.figure.baseValue} title={p.figure.baseDisplay}>
              {p.figure.display}
            </data>
          </li>
        ))}
      </ul>
      <Link
        href={localePath(messages.lang.code, `/data/${figureKey}`)}
        aria-label={`${label}：${t.compareLink}`}
      >
        {t.compareLink} →
      </Link>
    </div>
  );
}
