import type { PublicFigure } from "@/lib/releases/public-dto";
import { FigureValue } from "./FigureValue";
import { RecordBadge } from "./RecordBadge";

interface Props {
  title: string;
  figures: PublicFigure[];
  recordLabel: string;
  headingLevel?: "h2" | "h3";
  /** Shown under a figure, by key (历届对比 on release pages). */
  extras?: Record<string, React.ReactNode>;
}

export function KeyFigurePanel({ title, figures, recordLabel, headingLevel = "h2", extras = {} }: Props) {
  if (!figures.length) return null;
  const Heading = headingLevel;
  return (
    <section className="key-figures" aria-label={title}>
      <Heading className="key-figures__title">{title}</Heading>
      <ul className="key-figures__grid">
        {figures.map((f) => (
          <li key={f.key} className={f.isRecord ? "key-figure key-figure--record" : "key-figure"}>
            <FigureValue figure={f} className="key-figure__value" />
            <span className="key-figure__label">{f.label}</span>
            {f.isRecord && <RecordBadge note={f.recordNote} label={recordLabel} />}
            {extras[f.key]}
          </li>
        ))}
      </ul>
    </section>
  );
}
