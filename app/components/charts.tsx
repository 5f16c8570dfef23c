// Charts drawn as server-rendered SVG: no chart library in the bundle, readable without JavaScript, and each
// one a labelled image (role="img") whose numbers are also in the table beside it.
import { useId, type ReactNode } from "react";

const WIDTH = 640;

export interface Series {
  name: string;
  /** Tailwind fill class, e.g. "fill-brand-600" */
  fill: string;
  values: number[];
}

function niceMax(value: number): number {
  if (value <= 0) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  return [1, 2, 2.5, 5, 10].map((step) => step * magnitude).find((candidate) => candidate >= value)!;
}

/** A chart's frame: its caption, and an SVG image described for screen readers by the summary; `after` goes
 * below the image (a legend, a note on the scale). */
function ChartFigure({
  title,
  summary,
  height,
  after,
  children,
}: {
  title: string;
  summary: string;
  height: number;
  after?: ReactNode;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <figure className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
      <figcaption id={id} className="font-semibold">
        {title}
      </figcaption>
      <svg
        viewBox={`0 0 ${WIDTH} ${height}`}
        className="mt-2 w-full"
        role="img"
        aria-labelledby={id}
        aria-describedby={`${id}-summary`}
      >
        <desc id={`${id}-summary`}>{summary}</desc>
        {children}
      </svg>
      {after}
    </figure>
  );
}

function Legend({ series }: { series: Series[] }) {
  return (
    <ul className="mt-2 flex flex-wrap gap-4 text-xs text-slate-700" aria-hidden="true">
      {series.map((s) => (
        <li key={s.name} className="flex items-center gap-1">
          <svg width="12" height="12">
            <rect width="12" height="12" className={s.fill} />
          </svg>
          {s.name}
        </li>
      ))}
    </ul>
  );
}

/** Stacked columns, one per category (years): what grows over time. */
export function StackedColumnChart({
  title,
  summary,
  categories,
  series,
  format,
}: {
  title: string;
  summary: string;
  categories: string[];
  series: Series[];
  format: (n: number) => string;
}) {
  const height = 240;
  const top = 24;
  const bottom = 24;
  const totals = categories.map((_, i) => series.reduce((sum, s) => sum + s.values[i], 0));
  const max = niceMax(Math.max(...totals));
  const slot = WIDTH / Math.max(categories.length, 1);
  const barWidth = Math.min(56, slot * 0.6);
  const scale = (value: number) => (value / max) * (height - top - bottom);
  return (
    <ChartFigure title={title} summary={summary} height={height} after={<Legend series={series} />}>
      {[0, 0.5, 1].map((f) => (
        <line
          key={f}
          x1="0"
          x2={WIDTH}
          y1={height - bottom - f * (height - top - bottom)}
          y2={height - bottom - f * (height - top - bottom)}
          className="stroke-slate-200"
        />
      ))}
      {categories.map((category, i) => {
        const x = i * slot + (slot - barWidth) / 2;
        let y = height - bottom;
        return (
          <g key={category}>
            {series.map((s) => {
              const h = scale(s.values[i]);
              y -= h;
              return (
                <rect key={s.name} x={x} y={y} width={barWidth} height={h} className={s.fill}>
                  <title>{`${category} ${s.name}: ${format(s.values[i])}`}</title>
                </rect>
              );
            })}
            <text x={x + barWidth / 2} y={y - 6} textAnchor="middle" className="fill-slate-800 text-[12px]">
              {format(totals[i])}
            </text>
            <text x={x + barWidth / 2} y={height - 6} textAnchor="middle" className="fill-slate-600 text-[12px]">
              {category}
            </text>
          </g>
        );
      })}
    </ChartFigure>
  );
}

/** Horizontal bars, longest first: rankings. */
export function BarChart({
  title,
  summary,
  rows,
  format,
}: {
  title: string;
  summary: string;
  rows: Array<{ label: string; value: number }>;
  format: (n: number) => string;
}) {
  const rowHeight = 22;
  const labelWidth = 220;
  const valueWidth = 90;
  const height = Math.max(rows.length, 1) * rowHeight + 8;
  const max = Math.max(...rows.map((r) => r.value), 1);
  return (
    <ChartFigure title={title} summary={summary} height={height}>
      {rows.map((row, i) => {
        const y = 4 + i * rowHeight;
        const width = (row.value / max) * (WIDTH - labelWidth - valueWidth);
        return (
          <g key={row.label}>
            <text x={labelWidth - 8} y={y + 15} textAnchor="end" className="fill-slate-700 text-[12px]">
              {row.label.length > 18 ? `${row.label.slice(0, 17)}…` : row.label}
            </text>
            <rect x={labelWidth} y={y + 3} width={width} height={rowHeight - 6} className="fill-brand-600">
              <title>{`${row.label}: ${format(row.value)}`}</title>
            </rect>
            <text x={labelWidth + width + 6} y={y + 15} className="fill-slate-800 text-[12px]">
              {format(row.value)}
            </text>
          </g>
        );
      })}
    </ChartFigure>
  );
}

/** A funnel: each stage's bar on a logarithmic scale (views outnumber contracts a thousandfold), with the
 * share of the stage before written beside it. */
export function FunnelChart({
  title,
  summary,
  stages,
  format,
  formatShare,
  scaleNote,
}: {
  title: string;
  summary: string;
  stages: Array<{ label: string; value: number }>;
  format: (n: number) => string;
  formatShare: (ratio: number) => string;
  scaleNote: string;
}) {
  const rowHeight = 40;
  const height = stages.length * rowHeight + 8;
  const maxLog = Math.log10(Math.max(...stages.map((s) => s.value), 1) + 1);
  const barSpace = WIDTH - 260;
  return (
    <ChartFigure
      title={title}
      summary={summary}
      height={height}
      after={<p className="mt-1 text-xs text-slate-500">{scaleNote}</p>}
    >
      {stages.map((stage, i) => {
        const width = Math.max(2, (Math.log10(stage.value + 1) / maxLog) * barSpace);
        const y = 4 + i * rowHeight;
        const previous = i > 0 ? stages[i - 1].value : 0;
        return (
          <g key={stage.label}>
            <text x="0" y={y + 22} className="fill-slate-700 text-[13px]">
              {stage.label}
            </text>
            <rect
              x={120 + (barSpace - width) / 2}
              y={y + 4}
              width={width}
              height={rowHeight - 10}
              rx="3"
              className="fill-brand-600"
            />
            <text x={120 + barSpace + 8} y={y + 22} className="fill-slate-800 text-[13px]">
              {format(stage.value)}
              {i > 0 && previous > 0 ? ` (${formatShare(stage.value / previous)})` : ""}
            </text>
          </g>
        );
      })}
    </ChartFigure>
  );
}
