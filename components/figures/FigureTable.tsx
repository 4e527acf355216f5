import type { Messages } from "@/lib/i18n/messages";
import type { PublicFigure } from "@/lib/releases/public-dto";
import { FigureValue } from "./FigureValue";
import { RecordBadge } from "./RecordBadge";

function bySection(figures: PublicFigure[]) {
  const groups = new Map<string, PublicFigure[]>();
  for (const f of figures) {
    const key = f.section ?? "";
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  return [...groups.entries()];
}

export function FigureTable({ figures, messages }: { figures: PublicFigure[]; messages: Messages }) {
  const t = messages.release;
  return (
    <div className="figure-table">
      {bySection(figures).map(([section, rows]) => (
        <table key={section || "none"}>
          {section && <caption>{section}</caption>}
          <thead>
            <tr>
              <th scope="col">{t.figure}</th>
              <th scope="col">{t.value}</th>
              <th scope="col" className="figure-table__source">
                {t.sourceText}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((f) => (
              <tr key={f.key} id={`fig-${f.key}`}>
                <th scope="row">
                  {f.label}
                  {f.isRecord && <RecordBadge note={f.recordNote} label={t.recordBadge} />}
                </th>
                <td className="figure-table__value">
                  <FigureValue figure={f} />
                </td>
                <td className="figure-table__source">{f.sourceText}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </div>
  );
}
