import type { PublicFigure } from "@/lib/releases/public-dto";
import { FigureValue } from "./FigureValue";

export function RecordList({ figures, title }: { figures: PublicFigure[]; title: string }) {
  const records = figures.filter((f) => f.isRecord);
  if (!records.length) return null;
  return (
    <section className="records" aria-labelledby="records-title">
      <h2 id="records-title" className="section-title">
        {title}
      </h2>
      <ol className="records__list">
        {records.map((f) => (
          <li key={f.key}>
            <span className="records__claim">{f.recordNote}</span>
            <span className="records__figure">
              {f.label} <FigureValue figure={f} />
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
