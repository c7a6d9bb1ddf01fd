import { ChartFrame, COLOURS, MARGIN, PLOT, WIDTH, type ChartProps } from "./chart-frame";

export interface LineChartProps extends ChartProps {
  /** A horizontal line to compare against, e.g. the seats bought. */
  reference?: { value: number; label: string };
}

/** A line over a light area, one point per month, with an optional reference line. */
export function LineChart({ reference, ...props }: LineChartProps) {
  const max = Math.max(...props.points.map((point) => point.value), reference?.value ?? 0);
  return (
    <ChartFrame {...props} maxValue={max}>
      {(geo) => {
        const coords = props.points.map((point, index) => [geo.x(index), geo.y(point.value)] as const);
        const line = coords.map(([x, y], index) => `${index === 0 ? "M" : "L"}${x.toFixed(1)},${y.toFixed(1)}`).join(" ");
        const baseline = MARGIN.top + PLOT.height;
        const first = coords[0];
        const last = coords[coords.length - 1];
        const area = first && last ? `${line} L${last[0].toFixed(1)},${baseline} L${first[0].toFixed(1)},${baseline} Z` : "";
        return (
          <>
            <path d={area} fill={COLOURS.area} stroke="none" />
            {reference ? (
              <g className="chart-reference">
                <line
                  x1={MARGIN.left}
                  x2={WIDTH - MARGIN.right}
                  y1={geo.y(reference.value)}
                  y2={geo.y(reference.value)}
                  stroke={COLOURS.reference}
                  strokeWidth={2}
                  strokeDasharray="6 4"
                />
                <text
                  x={WIDTH - MARGIN.right}
                  y={geo.y(reference.value) - 6}
                  textAnchor="end"
                  fill={COLOURS.reference}
                  className="chart-label"
                >
                  {reference.label}
                </text>
              </g>
            ) : null}
            <path d={line} fill="none" stroke={COLOURS.series} strokeWidth={2.5} strokeLinejoin="round" />
            {coords.map(([x, y], index) => (
              <circle
                key={props.points[index]!.key}
                cx={x}
                cy={y}
                r={props.points[index]!.partial ? 4 : 3.5}
                fill={props.points[index]!.partial ? COLOURS.background : COLOURS.series}
                stroke={COLOURS.series}
                strokeWidth={2}
              />
            ))}
          </>
        );
      }}
    </ChartFrame>
  );
}
