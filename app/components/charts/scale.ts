/** Axis arithmetic for the inline SVG charts: pure, so it is unit-tested on its own. */

/** The smallest "nice" step (1, 2, 2.5 or 5 × 10ⁿ) at least `raw`, never below 1: counts are whole. */
export function niceStep(raw: number): number {
  if (!(raw > 1)) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / magnitude;
  const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10;
  return Math.max(1, nice * magnitude);
}

/** A y axis from 0 that holds `max` in about `ticks` even steps. */
export function niceScale(max: number, ticks = 4): { top: number; ticks: number[] } {
  const step = niceStep(Math.max(max, 1) / ticks);
  const top = Math.max(step, Math.ceil(max / step) * step);
  const values: number[] = [];
  for (let value = 0; value <= top + step / 2; value += step) values.push(value);
  return { top, ticks: values };
}

/** Which of `count` x labels to print so that about `room` fit; the last one always shows. */
export function labelEvery(count: number, room = 7): (index: number) => boolean {
  const every = Math.max(1, Math.ceil(count / room));
  return (index) => index === count - 1 || (index % every === 0 && count - 1 - index >= every / 2);
}
