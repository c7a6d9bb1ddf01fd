import type { Badge, IsoDate } from "./types";

export interface AttentionItem {
  badge: Badge;
  daysToEnd: number;
  termEnd: IsoDate;
  number: string;
}

/*
 * The order of the account home, most urgent first:
 *   1. in grace — the service stops soon; the one closest to the end of its
 *      grace period (most days past its end date) first;
 *   2. renewal open — fewest days to the end date first;
 *   3. active — fewest days to the end date first;
 *   4. renewed, 5. ended, 6. cancelled — nothing to do; the most recent end
 *      date first.
 * Ties fall back to the contract number, so the order never flickers.
 */
const GROUP: Record<Badge, number> = { in_grace: 0, renewal_open: 1, active: 2, renewed: 3, ended: 4, cancelled: 5 };

export function compareByAttention(a: AttentionItem, b: AttentionItem): number {
  const group = GROUP[a.badge] - GROUP[b.badge];
  if (group !== 0) return group;
  const open = GROUP[a.badge] <= GROUP.active;
  const byDate = open ? a.daysToEnd - b.daysToEnd : b.termEnd.localeCompare(a.termEnd);
  if (byDate !== 0) return byDate;
  return a.number.localeCompare(b.number);
}

/** A sorted copy; the input is left as it was. */
export function attentionOrder<T extends AttentionItem>(items: readonly T[]): T[] {
  return [...items].sort(compareByAttention);
}
