import type { SeriesPoint } from "@/lib/editions/public-dto";
import { fill, type Messages } from "@/lib/i18n/messages";

const BAR = 44;
const GAP = 28;
const TOP = 28;
const PLOT = 160;
const BOTTOM = 26;

/**
 * One figure by year as bars, drawn on the server (no script). The SVG is an image with a title and
 * a description that reads out every value; the table beside it carries the same data for readers.
 * Bar heights compare base values (万个 and 个 alike); the labels are the figures as written.
 */
export function SeriesChart({
  label,
  points,
  messages,
}: {
  label: string;
  points: SeriesPoint[];
  messages: Messages;
}) {
  const t = messages.editions;
  const ordered = [...points].reverse();
  const max = Math.max(...ordered.map((p) => Number(p.figure.baseValue)), 0);
  const width = Math.max(320, ordered.length * (BAR + GAP) + GAP);
  const height = TOP + PLOT + BOTTOM;
  const titleId = "series-chart-title";
  const descId = "series-chart-desc";
  return (
    <figure className="series-chart">
      <svg
        role="img"
        aria-labelledby={`${titleId} ${descId}`}
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
        style={{ maxWidth: `${width}px` }}
        preserveAspectRatio="xMinYMin meet"
      >
        <title id={titleId}>{fill(t.chart, { label })}</title>
        <desc id={descId}>
          {fill(t.chartDesc, {
            values: ordered.map((p) => `${p.edition.year}年 ${p.figure.display}`).join("；"),
          })}
        </desc>
        <line
          x1={GAP / 2}
          x2={width - GAP / 2}
          y1={TOP + PLOT}
          y2={TOP + PLOT}
          className="series-chart__axis"
        />
        {ordered.map((p, i) => {
          const value = Number(p.figure.baseValue);
          const barHeight = max > 0 ? Math.max(2, (value / max) * PLOT) : 2;
          const x = GAP + i * (BAR + GAP);
          const y = TOP + PLOT - barHeight;
          return (
            <g key={`${p.edition.event.slug}-${p.edition.year}`}>
              <rect x={x} y={y} width={BAR} height={barHeight} rx={3} className="series-chart__bar" />
              <text x={x + BAR / 2} y={y - 8} textAnchor="middle" className="series-chart__value">
                {p.figure.display}
              </text>
              <text x={x + BAR / 2} y={TOP + PLOT + 18} textAnchor="middle" className="series-chart__year">
                {p.edition.year}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
