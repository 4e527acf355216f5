import { compareDecimal } from "@/lib/figures/decimal";
import { fill } from "@/lib/i18n/messages";
import type { PublicFigure } from "@/lib/releases/public-dto";
import { FigureValue } from "./FigureValue";

interface Breakdown {
  whole: PublicFigure;
  parts: PublicFigure[];
}

/** Figures that declare themselves part of another (制造业项目 of 签约项目) as bars of their whole. */
export function findBreakdowns(figures: PublicFigure[]): Breakdown[] {
  const byKey = new Map(figures.map((f) => [f.key, f]));
  const groups = new Map<string, Breakdown>();
  for (const f of figures) {
    const whole = f.partOfKey ? byKey.get(f.partOfKey) : undefined;
    // The editor declared the relation; 户 of 家 or 场 of 场次 count alike, but a part cannot exceed its whole.
    if (!whole || compareDecimal(f.baseValue, whole.baseValue) > 0) continue;
    const group = groups.get(whole.key) ?? { whole, parts: [] };
    group.parts.push(f);
    groups.set(whole.key, group);
  }
  return [...groups.values()];
}

function share(part: PublicFigure, whole: PublicFigure): number {
  const w = Number(whole.baseValue);
  return w > 0 ? Math.min(100, (Number(part.baseValue) / w) * 100) : 0;
}

const PALETTE = ["#1d4ed8", "#0891b2", "#16a34a", "#ca8a04", "#c2410c", "#7c3aed"];

export function BreakdownCharts({
  figures,
  title,
  ofWhole,
}: {
  figures: PublicFigure[];
  title: string;
  /** English pages: "{share} of {whole}" for the bars' text alternative (Chinese writes 占…%). */
  ofWhole?: string;
}) {
  const breakdowns = findBreakdowns(figures);
  if (!breakdowns.length) return null;
  return (
    <section className="charts" aria-labelledby="charts-title">
      <h2 id="charts-title" className="section-title">
        {title}
      </h2>
      {breakdowns.map(({ whole, parts }) => (
        <figure key={whole.key} className="chart">
          <figcaption className="chart__title">
            {whole.label} <FigureValue figure={whole} />
          </figcaption>
          <div
            className="chart__bar"
            role="img"
            aria-label={parts
              .map((p) =>
                ofWhole
                  ? `${p.label} ${p.display}, ${fill(ofWhole, { share: `${share(p, whole).toFixed(0)}%`, whole: whole.label })}`
                  : `${p.label} ${p.display}，占${share(p, whole).toFixed(0)}%`,
              )
              .join(ofWhole ? "; " : "；")}
          >
            {parts.map((p, i) => (
              <span
                key={p.key}
                className="chart__segment"
                style={{ width: `${share(p, whole)}%`, background: PALETTE[i % PALETTE.length] }}
              />
            ))}
          </div>
          <ul className="chart__legend">
            {parts.map((p, i) => (
              <li key={p.key}>
                <span
                  className="chart__swatch"
                  style={{ background: PALETTE[i % PALETTE.length] }}
                  aria-hidden="true"
                />
                {p.label} <FigureValue figure={p} />{" "}
                <span className="chart__share">{share(p, whole).toFixed(0)}%</span>
              </li>
            ))}
          </ul>
        </figure>
      ))}
    </section>
  );
}
