import { ChartFrame, COLOURS, MARGIN, PLOT, type ChartProps } from "./chart-frame";

/** One bar per month; a month that is not complete is outlined, so it does not read as a drop. */
export function BarChart(props: ChartProps) {
  const max = Math.max(...props.points.map((point) => point.value), 0);
  return (
    <ChartFrame {...props} maxValue={max}>
      {(geo) => {
        const width = Math.max(2, Math.min(geo.band * 0.7, 48));
        const baseline = MARGIN.top + PLOT.height;
        return props.points.map((point, index) => {
          const y = geo.y(point.value);
          const height = Math.max(0, baseline - y);
          return (
            <rect
              key={point.key}
              x={geo.x(index) - width / 2}
              y={y}
              width={width}
              height={height}
              fill={point.partial ? COLOURS.background : COLOURS.series}
              stroke={COLOURS.series}
              strokeWidth={point.partial ? 2 : 0}
              strokeDasharray={point.partial ? "4 3" : undefined}
              className={point.partial ? "chart-bar chart-bar-partial" : "chart-bar"}
            />
          );
        });
      }}
    </ChartFrame>
  );
}
