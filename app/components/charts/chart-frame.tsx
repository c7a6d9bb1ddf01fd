import { useId, type ReactNode } from "react";

import { labelEvery, niceScale } from "./scale";

/** One x position of a chart: a month, already labelled for the reader's locale. */
export interface ChartPoint {
  key: string;
  label: string;
  value: number;
  /** A month that is not over (or only partly in the term): drawn hollow or outlined. */
  partial?: boolean;
}

export interface ChartText {
  /** The chart's name: the heading, the SVG <title> and the table caption. */
  title: string;
  /** What the chart shows, in words (the SVG <desc>): the trend, for people who cannot see it. */
  description: string;
  /** Column headers of the data table. */
  xHeader: string;
  yHeader: string;
  /** Label of the <details> that opens the data table. */
  showTable: string;
  /** Shown instead of the chart when there is no data. */
  empty: string;
  emptyHint?: string;
  /** A sentence under the chart, e.g. what an outlined bar means. */
  note?: string;
  /** How a table cell names a partial month, e.g. "Nov 2026 (not complete)". */
  partialLabel?: (label: string) => string;
}

export interface ChartProps {
  points: readonly ChartPoint[];
  text: ChartText;
  /** Formats y-axis ticks and table values for the reader's locale. */
  formatValue: (value: number) => string;
  headingLevel?: 2 | 3 | 4;
}

// viewBox units; the SVG scales to its container's width (CSS).
export const WIDTH = 640;
export const HEIGHT = 260;
export const MARGIN = { top: 20, right: 20, bottom: 40, left: 64 };
export const PLOT = { width: WIDTH - MARGIN.left - MARGIN.right, height: HEIGHT - MARGIN.top - MARGIN.bottom };

/*
 * Colours are SVG presentation attributes (the CSP forbids inline styles) and
 * each mark is at least 3:1 against white (WCAG 1.4.11): brand blue #0b5cad
 * 6.6:1, reference orange #b35c00 4.7:1, axis text #4a5563 7.5:1. Grid lines
 * are decoration and may be lighter.
 */
export const COLOURS = {
  series: "#0b5cad",
  reference: "#b35c00",
  axis: "#4a5563",
  grid: "#d3d9e1",
  area: "#e6f0fb",
  background: "#ffffff",
} as const;

export interface Geometry {
  top: number;
  ticks: number[];
  band: number;
  x(index: number): number;
  y(value: number): number;
}

export function geometry(count: number, max: number): Geometry {
  const { top, ticks } = niceScale(max);
  const band = PLOT.width / Math.max(count, 1);
  return {
    top,
    ticks,
    band,
    x: (index) => MARGIN.left + band * (index + 0.5),
    y: (value) => MARGIN.top + PLOT.height - (value / top) * PLOT.height,
  };
}

/**
 * The frame every chart shares: heading, an SVG named by its <title> and
 * <desc> (aria-labelledby, no role="img"), the numbers as a real table in a
 * <details>, and an empty state instead of a blank drawing.
 */
export function ChartFrame({
  points,
  text,
  formatValue,
  headingLevel = 3,
  maxValue,
  children,
}: ChartProps & { maxValue: number; children: (geometry: Geometry) => ReactNode }) {
  const id = useId();
  const headingId = `${id}-heading`;
  const titleId = `${id}-title`;
  const descId = `${id}-desc`;
  const Heading = `h${headingLevel}` as "h3";

  if (points.length === 0) {
    return (
      <section className="chart chart-is-empty" aria-labelledby={headingId}>
        <Heading id={headingId} className="chart-heading">
          {text.title}
        </Heading>
        <p className="chart-empty">
          <strong>{text.empty}</strong>
          {text.emptyHint ? <span className="chart-empty-hint">{text.emptyHint}</span> : null}
        </p>
      </section>
    );
  }

  const geo = geometry(points.length, maxValue);
  const showLabel = labelEvery(points.length);
  return (
    <section className="chart" aria-labelledby={headingId}>
      <Heading id={headingId} className="chart-heading">
        {text.title}
      </Heading>
      <svg
        className="chart-svg"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width={WIDTH}
        height={HEIGHT}
        aria-labelledby={`${titleId} ${descId}`}
        focusable="false"
      >
        <title id={titleId}>{text.title}</title>
        <desc id={descId}>{text.description}</desc>
        <g aria-hidden="true">
          {geo.ticks.map((tick) => (
            <g key={tick}>
              <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={geo.y(tick)} y2={geo.y(tick)} stroke={COLOURS.grid} strokeWidth={1} />
              <text x={MARGIN.left - 8} y={geo.y(tick)} dy="0.32em" textAnchor="end" fill={COLOURS.axis} className="chart-tick">
                {formatValue(tick)}
              </text>
            </g>
          ))}
          {points.map((point, index) =>
            showLabel(index) ? (
              <text
                key={point.key}
                x={geo.x(index)}
                y={HEIGHT - MARGIN.bottom + 22}
                textAnchor="middle"
                fill={COLOURS.axis}
                className="chart-tick"
              >
                {point.label}
              </text>
            ) : null,
          )}
          <line
            x1={MARGIN.left}
            x2={WIDTH - MARGIN.right}
            y1={MARGIN.top + PLOT.height}
            y2={MARGIN.top + PLOT.height}
            stroke={COLOURS.axis}
            strokeWidth={1}
          />
          {children(geo)}
        </g>
      </svg>
      {text.note ? <p className="chart-note">{text.note}</p> : null}
      <details className="chart-data">
        <summary>{text.showTable}</summary>
        <div className="table-wrap">
          <table>
            <caption>{text.title}</caption>
            <thead>
              <tr>
                <th scope="col">{text.xHeader}</th>
                <th scope="col" className="num">
                  {text.yHeader}
                </th>
              </tr>
            </thead>
            <tbody>
              {points.map((point) => (
                <tr key={point.key}>
                  <th scope="row">{point.partial && text.partialLabel ? text.partialLabel(point.label) : point.label}</th>
                  <td className="num">{formatValue(point.value)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </section>
  );
}
