import { useTranslation } from "react-i18next";

import { BarChart, LineChart, type ChartPoint, type ChartText } from "~/components/charts";
import type { ContractPageView } from "~/domain/subscriptions";

import { useFormat, type Formatters } from "./use-format";

type Month = ContractPageView["usage"]["months"][number];
type Metric = "seatsActive" | "coreActions" | "logins";

/**
 * The numbers a chart's description speaks of: first and last complete month
 * (a month-to-date would read as a fall) and the highest month; with only
 * partial months, the months there are.
 */
function trendOf(months: readonly Month[], metric: Metric) {
  const basis = months.some((m) => !m.partial) ? months.filter((m) => !m.partial) : months;
  const first = basis[0]!;
  const last = basis[basis.length - 1]!;
  const peak = months.reduce((best, m) => (m[metric] > best[metric] ? m : best), months[0]!);
  return { first, last, peak };
}

function describe(months: readonly Month[], metric: Metric, format: Formatters, t: (key: string, options: Record<string, unknown>) => string) {
  if (months.length === 0) return "";
  const { first, last, peak } = trendOf(months, metric);
  if (first === last) return t("usage.single", { value: format.number(first[metric]), month: format.month(first.month) });
  return t("usage.trend", {
    first: format.number(first[metric]),
    firstMonth: format.month(first.month),
    last: format.number(last[metric]),
    lastMonth: format.month(last.month),
    peak: format.number(peak[metric]),
    peakMonth: format.month(peak.month),
  });
}

/** Seats over the term against the seats bought, core actions and logins per month. */
export function UsageCharts({ usage }: { usage: ContractPageView["usage"] }) {
  const { t } = useTranslation("contract");
  const format = useFormat();
  const tr = (key: string, options: Record<string, unknown>) => t(key, options);
  const months = usage.months;
  const points = (metric: Metric): ChartPoint[] =>
    months.map((m) => ({ key: m.month, label: format.month(m.month), value: m[metric], partial: m.partial }));
  const common = {
    xHeader: t("usage.month"),
    showTable: t("usage.showTable"),
    empty: t("usage.empty"),
    emptyHint: t("usage.emptyHint"),
    partialLabel: (label: string) => t("usage.partial", { month: label }),
  } satisfies Partial<ChartText>;
  const anyPartial = months.some((m) => m.partial);

  const seatsDescription = `${describe(months, "seatsActive", format, tr)} ${t("usage.seats.boughtSentence", {
    count: usage.seatsBought,
    value: format.number(usage.seatsBought),
  })}`;

  if (months.length === 0) {
    // One message for the section, rather than three empty charts saying the same.
    return (
      <section className="usage" aria-labelledby="usage-title">
        <h2 id="usage-title">{t("usage.title")}</h2>
        <p className="chart-empty">
          <strong>{t("usage.empty")}</strong>
          <span className="chart-empty-hint">{t("usage.emptyHint")}</span>
        </p>
      </section>
    );
  }

  return (
    <section className="usage" aria-labelledby="usage-title">
      <h2 id="usage-title">{t("usage.title")}</h2>
      <div className="usage-charts">
        <LineChart
          points={points("seatsActive")}
          formatValue={format.number}
          reference={
            usage.seatsBought > 0
              ? { value: usage.seatsBought, label: t("usage.seats.bought", { count: usage.seatsBought, value: format.number(usage.seatsBought) }) }
              : undefined
          }
          text={{ ...common, title: t("usage.seats.title"), description: seatsDescription, yHeader: t("usage.seats.series") }}
        />
        <BarChart
          points={points("coreActions")}
          formatValue={format.number}
          text={{
            ...common,
            title: t("usage.coreActions.title"),
            description: describe(months, "coreActions", format, tr),
            yHeader: t("usage.coreActions.series"),
            note: anyPartial ? t("usage.partialNote") : undefined,
          }}
        />
        <BarChart
          points={points("logins")}
          formatValue={format.number}
          text={{
            ...common,
            title: t("usage.logins.title"),
            description: describe(months, "logins", format, tr),
            yHeader: t("usage.logins.series"),
            note: anyPartial ? t("usage.partialNote") : undefined,
          }}
        />
      </div>
    </section>
  );
}
