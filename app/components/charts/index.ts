export { BarChart } from "./bar-chart";
export { LineChart, type LineChartProps } from "./line-chart";
export type { ChartPoint, ChartProps, ChartText } from "./chart-frame";
export { labelEvery, niceScale, niceStep } from "./scale";
