import Link from "next/link";
import { FigureValue } from "@/components/figures/FigureValue";
import type { SeriesPoint } from "@/lib/editions/public-dto";
import type { Messages } from "@/lib/i18n/messages";
import { localePath } from "@/lib/i18n/paths";

/** One figure by edition as a table: the chart's accessible equivalent, and the data itself. */
export function SeriesTable({
  caption,
  points,
  showEvent,
  messages,
}: {
  caption: string;
  points: SeriesPoint[];
  showEvent: boolean;
  messages: Messages;
}) {
  const t = messages.editions;
  // Cities are stored in Chinese only: the English table leaves the column out.
  const showCity = messages.lang.code === "zh-CN";
  return (
    <div className="figure-table">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="figure-table__year">
              {t.year}
            </th>
            {showEvent && <th scope="col">{t.event}</th>}
            {showCity && <th scope="col">{t.city}</th>}
            <th scope="col">{messages.release.value}</th>
            <th scope="col">{t.source}</th>
          </tr>
        </thead>
        <tbody>
          {points.map((p) => (
            <tr key={`${p.edition.event.slug}-${p.edition.year}`}>
              <th scope="row" className="figure-table__year">
                {/* The year's page in the reader's language; the sources stay the Chinese releases. */}
                <Link href={localePath(messages.lang.code, `/editions/${p.edition.year}`)}>
                  {p.edition.year}
                </Link>
              </th>
              {showEvent && <td>{p.edition.event.name}</td>}
              {showCity && <td>{p.edition.city}</td>}
              <td className="figure-table__value">
                <FigureValue figure={p.figure} />
              </td>
              <td>
                <Link href={`/releases/${p.release.slug}`}>{p.release.title}</Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
