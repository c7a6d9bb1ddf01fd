/** Plain-text formatting for the bench's terminal output (English, fixed: this is a developer tool). */

const integer = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });

export function formatInteger(value: number): string {
  return integer.format(Math.round(value));
}

export function formatFixed(value: number, digits: number): string {
  return value.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

export function formatSeconds(ms: number): string {
  return `${formatFixed(ms / 1000, 1)} s`;
}

/** Rows per second, or "—" for steps too quick to time meaningfully. */
export function formatRate(rows: number, ms: number): string {
  if (rows === 0 || ms < 1) return "—";
  return `${formatInteger((rows * 1000) / ms)}/s`;
}

/** Terminal columns: CJK characters are two wide, so tables with Chinese names still line up. */
function width(text: string): number {
  let columns = 0;
  for (const char of text) columns += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60\uffe0-\uffe6]/u.test(char) ? 2 : 1;
  return columns;
}

/**
 * A table with a header row and a rule; `align` says per column whether it
 * is right-aligned (numbers) or left-aligned (names).
 */
export function renderTable(header: string[], rows: string[][], align: ("left" | "right")[]): string {
  const widths = header.map((cell, column) => Math.max(width(cell), ...rows.map((row) => width(row[column] ?? ""))));
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => {
        const pad = " ".repeat((widths[column] ?? 0) - width(cell));
        return align[column] === "right" ? pad + cell : cell + pad;
      })
      .join("  ")
      .trimEnd();
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}
