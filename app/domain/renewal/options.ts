/**
 * The renewal page's options as a form (and as a link): what the browser
 * sends is parsed into the engine's QuoteOptions and never carries a price.
 * Pure, so the page, the not-renewing offers and the tests share one reading.
 */
import {
  recommendedOptions,
  type Catalogue,
  type QuoteOptions,
  type RenewalContext,
  type TermYears,
} from "../pricing";
import { RenewalOptionsSchema } from "./schemas";

/** Field names of the options form; `qty_<code>` carries a flat add-on's quantity. */
export const OPTION_FIELDS = ["term", "plan", "seats", "addOn", "saveOffer"] as const;

export type OptionsReading =
  | { ok: true; options: QuoteOptions; fromForm: boolean }
  | { ok: false; errors: Record<string, string>; fromForm: true };

function quantityField(code: string) {
  return `qty_${code}`;
}

/**
 * Reads options from a query string or a posted form. With none of the
 * option fields present (the page's first visit) it is the recommendation.
 * Unchecked add-ons are simply absent, as a browser sends them.
 */
export function readOptions(
  form: URLSearchParams | FormData,
  context: RenewalContext,
  catalogue: Catalogue,
): OptionsReading {
  const present = OPTION_FIELDS.some((name) => form.has(name));
  if (!present) return { ok: true, options: recommendedOptions(context, catalogue), fromForm: false };

  const input = {
    term: stringOf(form.get("term")),
    plan: stringOf(form.get("plan")),
    seats: stringOf(form.get("seats")),
    addOn: form.getAll("addOn").filter((value): value is string => typeof value === "string"),
    saveOffer: form.get("saveOffer") === "1" ? "1" : undefined,
  };
  const parsed = RenewalOptionsSchema.safeParse(input);
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    for (const issue of parsed.error.issues) {
      const field = fieldForPath(String(issue.path[0] ?? "form"));
      errors[field] ??= issue.message.includes(":") ? issue.message : "common:validation.invalid";
    }
    return { ok: false, errors, fromForm: true };
  }
  const byCode = new Map(catalogue.products.map((product) => [product.code, product]));
  const seen = new Set<string>();
  const addOns = parsed.data.addOn.flatMap((code) => {
    // A checkbox sent twice is one choice; the engine reports real duplicates only.
    if (seen.has(code)) return [];
    seen.add(code);
    const product = byCode.get(code);
    if (product?.pricingModel !== "flat") return [{ code }];
    const raw = stringOf(form.get(quantityField(code))).trim();
    const quantity = raw === "" ? 1 : /^-?\d{1,9}$/.test(raw) ? Number(raw) : Number.NaN;
    return [{ code, quantity }];
  });
  return {
    ok: true,
    fromForm: true,
    options: {
      termYears: parsed.data.term as TermYears,
      planCode: parsed.data.plan,
      seats: parsed.data.seats,
      addOns,
      saveOffer: parsed.data.saveOffer === "1",
    },
  };
}

function stringOf(value: FormDataEntryValue | null): string {
  return typeof value === "string" ? value : "";
}

/** The engine names fields after QuoteOptions; the form after its inputs. */
export function fieldForPath(path: string): string {
  switch (path) {
    case "termYears":
    case "term":
      return "term";
    case "planCode":
    case "plan":
      return "plan";
    case "saveOffer":
      return "saveOffer";
    case "seats":
      return "seats";
    default:
      if (path.startsWith("addOns.")) return `addOn.${path.slice("addOns.".length)}`;
      if (path === "addOns" || path === "addOn") return "addOn";
      return "form";
  }
}

/** The same options as a query string: links that open the renewal page preselected. */
export function optionsToSearchParams(options: QuoteOptions): URLSearchParams {
  const params = new URLSearchParams();
  params.set("term", String(options.termYears));
  params.set("plan", options.planCode);
  params.set("seats", String(options.seats));
  for (const addOn of options.addOns) {
    params.append("addOn", addOn.code);
    if (addOn.quantity !== undefined && addOn.quantity !== options.seats) {
      params.set(quantityField(addOn.code), String(addOn.quantity));
    }
  }
  if (options.saveOffer) params.set("saveOffer", "1");
  return params;
}

export interface NonRenewalAlternatives {
  /** The next plan down with the same seats (null on the lowest plan). */
  smallerPlan: QuoteOptions | null;
  /** As many seats as are in use (null when that is not fewer than today). */
  fewerSeats: QuoteOptions | null;
  /** The one-time offer on the recommended 1-year renewal. */
  saveOffer: QuoteOptions;
}

/**
 * What the "I don't plan to renew" page offers instead, all starting from
 * the recommended renewal. Whether each one prices (and the save offer is
 * still available) is for the engine to say.
 */
export function nonRenewalAlternatives(context: RenewalContext, catalogue: Catalogue): NonRenewalAlternatives {
  const base = recommendedOptions(context, catalogue);
  const plans = catalogue.products.filter((product) => product.kind === "plan" && product.unitAmount !== null);
  const current = plans.find((plan) => plan.code === context.plan.code);
  const lower = current?.tier
    ? plans.filter((plan) => plan.tier !== null && plan.tier < current.tier!).sort((a, b) => (b.tier ?? 0) - (a.tier ?? 0))[0]
    : undefined;
  const followSeats = (seats: number) =>
    base.addOns.map((addOn) => {
      const product = catalogue.products.find((p) => p.code === addOn.code);
      return product?.pricingModel === "per_seat" ? { ...addOn, quantity: seats } : addOn;
    });
  const fewer =
    context.seatsInUse !== null && context.seatsInUse < context.plan.quantity && context.seatsInUse >= (current?.minQuantity ?? 1)
      ? context.seatsInUse
      : null;
  return {
    smallerPlan: lower ? { ...base, planCode: lower.code } : null,
    fewerSeats: fewer !== null ? { ...base, seats: fewer, addOns: followSeats(fewer) } : null,
    saveOffer: { ...base, termYears: 1, saveOffer: true },
  };
}
