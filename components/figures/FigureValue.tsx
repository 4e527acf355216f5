import { figureParts } from "@/lib/figures/format";
import type { PublicFigure } from "@/lib/releases/public-dto";

/** A figure as Chinese text writes it (or in English on English pages), with the exact amount in the markup for machines and screen readers. */
export function FigureValue({ figure, className }: { figure: PublicFigure; className?: string }) {
  const p = figure.parts ?? figureParts(figure);
  return (
    <data
      value={figure.baseValue}
      className={className ? `figure-value ${className}` : "figure-value"}
      title={figure.baseDisplay}
    >
      {p.before && <span className="figure-value__qualifier">{p.before}</span>}
      <span className="figure-value__number">{p.number}</span>
      {p.after && <span className="figure-value__qualifier">{p.after}</span>}
      <span className="figure-value__unit">{p.unit}</span>
    </data>
  );
}
