import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSubmit } from "@remix-run/react";
import { useEffect, useRef, type FormEvent } from "react";
import { useTranslation } from "react-i18next";

import { GeneralErrorBoundary } from "~/components/error-boundary";
import { QuoteBreakdown } from "~/components/quote-breakdown";
import { OFFERED_TERM_YEARS, type PricedQuote, type PricingError, type QuoteOptions } from "~/domain/pricing/types";
import { formatDate, formatMoney } from "~/lib/format";
import { RENEWAL_NAMESPACES } from "~/lib/renewal/namespaces";

import {
  actorOf,
  breakdownView,
  clock,
  countdownText,
  type CountdownText,
  data,
  daysBetween,
  db,
  fieldForPath,
  findRenewalPage,
  getLocale,
  incentiveCountdown,
  type LoadedRenewal,
  type Locale,
  loadRenewal,
  notFound,
  parseIdOr404,
  priceRenewal,
  readFormData,
  readOptions,
  recordPortalLinkAction,
  redirect,
  requireRenewalEditor,
  saveRenewalQuote,
  todayIso,
} from "./__renew.$contractId._index.server";

export const handle = {
  i18n: [...RENEWAL_NAMESPACES],
  title: (d: unknown) => (d ? { key: "renewal:page.title", params: { number: (d as { contract: { number: string } }).contract.number } } : null),
};

type FieldMessages = Record<string, { code: string; values?: Record<string, string | number> }>;

function errorsByField(errors: readonly PricingError[]): FieldMessages {
  const out: FieldMessages = {};
  for (const error of errors) out[fieldForPath(error.field)] ??= { code: `pricing:${error.code}`, values: error.values };
  return out;
}

function formEcho(params: URLSearchParams | FormData, options: QuoteOptions | null) {
  if (options && !["term", "plan", "seats", "addOn"].some((k) => params.has(k))) {
    return {
      term: String(options.termYears),
      plan: options.planCode,
      seats: String(options.seats),
      addOns: options.addOns.map((a) => a.code),
      qty: Object.fromEntries(options.addOns.map((a) => [a.code, String(a.quantity ?? 1)])),
      saveOffer: options.saveOffer === true,
    };
  }
  const text = (name: string) => {
    const value = params.get(name);
    return typeof value === "string" ? value.slice(0, 40) : "";
  };
  const addOns = params.getAll("addOn").filter((v): v is string => typeof v === "string").slice(0, 20);
  return {
    term: text("term"),
    plan: text("plan"),
    seats: text("seats"),
    addOns,
    qty: Object.fromEntries(addOns.map((code) => [code, text(`qty_${code}`) || "1"])),
    saveOffer: params.get("saveOffer") === "1",
  };
}

function quoteView(quote: PricedQuote, locale: Locale) {
  const countdown = incentiveCountdown(quote.incentiveSchedule);
  return {
    currency: quote.currency,
    termYears: quote.termYears,
    lines: quote.lines.map((line) => ({ kind: line.kind, code: line.code, quantity: line.quantity, unitAmount: line.unitAmount, amount: line.amount, detail: line.detail })),
    subtotal: quote.subtotal,
    discountTotal: quote.discountTotal,
    total: quote.total,
    newTermStart: quote.newTermStart,
    newTermEnd: quote.newTermEnd,
    priceLockedUntil: quote.priceLockedUntil,
    timing: quote.timing,
    warnings: quote.warnings,
    countdown,
    countdownText: countdownText(countdown, locale),
    breakdown: breakdownView(quote, locale),
  };
}

/** The renewal of one contract: options, a live price, and the way on to confirm or share. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const contractId = parseIdOr404(params.contractId);
  const access = await requireRenewalEditor(request, contractId);
  const today = todayIso(clock());
  // One query for everything below (see findRenewalPage).
  const page = await findRenewalPage(db(), access.accountId, contractId, today);
  if (!page) notFound();
  if (access.kind === "portal_link") await recordPortalLinkAction(request, access.portalLinkId, "view_renewal");
  const { nonRenewal, confirmed } = page;
  const loaded: LoadedRenewal = { renewal: page.renewal, catalogue: page.catalogue, rules: page.rules };
  const { context, number, status } = loaded.renewal;
  const base = {
    via: access.kind,
    email: access.email,
    contract: { id: contractId, number, termEnd: context.termEnd, status, autoRenew: page.autoRenew, daysToEnd: daysBetween(today, context.termEnd) },
    nonRenewal: nonRenewal && (!confirmed?.confirmedAt || confirmed.confirmedAt < nonRenewal.createdAt) ? { on: nonRenewal.createdAt.toISOString().slice(0, 10) } : null,
    confirmed: confirmed ? { id: confirmed.id, number: confirmed.number, status: confirmed.status } : null,
  };
  if (status !== "active") return { ...base, closed: status as string, page: null };

  const url = new URL(request.url);
  const reading = readOptions(url.searchParams, context, loaded.catalogue);
  const result = reading.ok ? priceRenewal(loaded, reading.options, today) : null;
  if (result && !result.ok && result.errors.some((e) => e.code === "errors.renewalClosed")) {
    return { ...base, closed: "graceOver", page: null };
  }
  const options = reading.ok ? reading.options : null;
  const terms = options
    ? OFFERED_TERM_YEARS.flatMap((termYears) => {
        const priced = priceRenewal(loaded, { ...options, termYears, saveOffer: options.saveOffer && termYears === 1 }, today);
        if (!priced.ok) return [];
        const saving = priced.quote.lines.find((l) => l.code === "multi_year");
        return [{ termYears, total: priced.quote.total, saving: saving ? -saving.amount : 0, percent: saving?.kind === "discount" ? saving.detail.percent : 0 }];
      })
    : [];
  return {
    ...base,
    closed: null,
    page: {
      form: formEcho(url.searchParams, options),
      errors: reading.ok ? (result && !result.ok ? errorsByField(result.errors) : {}) : Object.fromEntries(Object.entries(reading.errors).map(([k, code]) => [k, { code }])),
      quote: result?.ok ? quoteView(result.quote, await getLocale(request)) : null,
      terms,
      seatsInUse: context.seatsInUse,
      currentPlan: context.plan.code,
      currentSeats: context.plan.quantity,
      currency: context.currency,
      products: loaded.catalogue.products
        .filter((p) => p.unitAmount !== null)
        .map((p) => ({ code: p.code, kind: p.kind, tier: p.tier, pricingModel: p.pricingModel, minQuantity: p.minQuantity, maxQuantity: p.maxQuantity, unitAmount: p.unitAmount ?? 0 })),
    },
  };
}

/** "Review and confirm", "Share with my approver", "Download quote (PDF)": price on the server, save a version, go on. */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const contractId = parseIdOr404(params.contractId);
  const access = await requireRenewalEditor(request, contractId);
  const today = todayIso(clock());
  const loaded = await loadRenewal(db(), access.accountId, contractId, today);
  if (!loaded) notFound();
  const form = await readFormData(request);
  const intent = form.get("intent");
  if (intent !== "review" && intent !== "share" && intent !== "pdf") throw new Response("Bad request", { status: 400 });
  if (loaded.renewal.status !== "active") return data({ errors: { form: { code: "renewal:page.closed.active" } } as FieldMessages }, { status: 409 });
  const reading = readOptions(form, loaded.renewal.context, loaded.catalogue);
  if (!reading.ok) {
    return data({ errors: Object.fromEntries(Object.entries(reading.errors).map(([k, code]) => [k, { code }])) as FieldMessages }, { status: 400 });
  }
  const result = priceRenewal(loaded, reading.options, today);
  if (!result.ok) return data({ errors: errorsByField(result.errors) }, { status: 400 });
  const saved = await saveRenewalQuote(db(), {
    accountId: access.accountId,
    contractId,
    quote: result.quote,
    actor: actorOf(access),
    now: clock().now(),
    reason: intent,
    requestId: context?.requestId ?? null,
  });
  if (access.kind === "portal_link") await recordPortalLinkAction(request, access.portalLinkId, `quote_${intent}`);
  const base = `/renew/${contractId}/quotes/${saved.id}`;
  throw redirect(intent === "review" ? base : intent === "share" ? `${base}/share` : `${base}/pdf`);
}

export default function Renewal() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, i18n } = useTranslation(RENEWAL_NAMESPACES);
  const { contract, via, email, nonRenewal, confirmed } = loaderData;
  const lng = i18n.language;
  return (
    <>
      <h1>{t("page.title", { number: contract.number })}</h1>
      <p className="lead">
        {contract.daysToEnd >= 0
          ? t("page.endsOn", { date: formatDate(contract.termEnd, lng, "long"), count: contract.daysToEnd })
          : t("page.endedOn", { date: formatDate(contract.termEnd, lng, "long"), count: -contract.daysToEnd })}
      </p>
      {via === "portal_link" ? (
        <p className="notice notice-info">
          {t("page.portalLinkScope")}{" "}
          <Link to={`/sign-in?${new URLSearchParams({ email: email ?? "" })}`}>{t("page.signInForMore")}</Link>
        </p>
      ) : null}
      {confirmed ? (
        <p className="notice notice-success" role="status">
          {t("page.confirmed", { number: confirmed.number })}{" "}
          {confirmed.status === "awaiting_payment" ? <Link to={`/checkout/${confirmed.id}`}>{t("page.continueToPayment")}</Link> : null}
        </p>
      ) : null}
      {nonRenewal ? (
        <p className="notice notice-warning">{t("page.notRenewingRecorded", { date: formatDate(nonRenewal.on, lng, "long") })}</p>
      ) : null}
      {loaderData.closed ? (
        <div className="notice notice-info">
          <p>{t(`page.closed.${loaderData.closed}`)}</p>
          <p>
            <Link to="/account">{t("page.backToAccount")}</Link>
          </p>
        </div>
      ) : loaderData.page ? (
        <RenewalOptions page={loaderData.page} contractId={contract.id} actionErrors={actionData?.errors ?? null} />
      ) : null}
    </>
  );
}

type PageData = NonNullable<ReturnType<typeof useLoaderData<typeof loader>>["page"]>;

function RenewalOptions({ page, contractId, actionErrors }: { page: PageData; contractId: string; actionErrors: FieldMessages | null }) {
  const { t, i18n } = useTranslation(RENEWAL_NAMESPACES);
  const lng = i18n.language;
  const submit = useSubmit();
  const navigation = useNavigation();
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const errors = actionErrors ?? (page.errors as FieldMessages);
  const message = (field: string) => {
    const e = errors[field];
    return e ? t(e.code, { ...e.values, ns: ["renewal", "pricing", "common"] }) : null;
  };
  const money = (amount: number) => formatMoney(amount, page.currency, lng);
  const plans = page.products.filter((p) => p.kind === "plan");
  const addOns = page.products.filter((p) => p.kind === "addon");
  const busy = navigation.state !== "idle";

  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);

  // With JavaScript the price follows every change; without it, "Update price" submits the same GET form.
  function onChange(event: FormEvent<HTMLFormElement>) {
    const form = event.currentTarget;
    const target = event.target as HTMLInputElement;
    if (timer.current) clearTimeout(timer.current);
    const delay = target.type === "number" ? 450 : 0;
    timer.current = setTimeout(() => submit(form, { method: "get", replace: true, preventScrollReset: true }), delay);
  }

  const addOnError = (code: string) => message(`addOn.${code}`);
  return (
    <div className="renewal-layout">
      <Form method="get" className="renewal-options" onChange={onChange} aria-describedby={errors.form ? "options-error" : undefined}>
        {page.form.saveOffer ? <input type="hidden" name="saveOffer" value="1" /> : null}
        {errors.form ? (
          <p id="options-error" className="notice notice-error" role="alert">
            {message("form")}
          </p>
        ) : null}
        <fieldset aria-describedby={errors.term ? "term-error" : undefined}>
          <legend>{t("options.term")}</legend>
          {OFFERED_TERM_YEARS.map((years) => {
            const option = page.terms.find((o) => o.termYears === years);
            return (
              <label key={years} className="choice">
                <input type="radio" name="term" value={years} defaultChecked={page.form.term === String(years)} />
                <span>
                  <strong>{t("options.years", { count: years })}</strong>
                  {option ? <span className="choice-price">{money(option.total)}</span> : null}
                  {option && option.saving > 0 ? (
                    <span className="badge badge-success">{t("options.saving", { amount: money(option.saving), percent: option.percent })}</span>
                  ) : null}
                </span>
              </label>
            );
          })}
          {errors.term ? (
            <span id="term-error" className="field-error" role="alert">
              {message("term")}
            </span>
          ) : null}
        </fieldset>

        <fieldset aria-describedby={errors.plan ? "plan-error" : undefined}>
          <legend>{t("options.plan")}</legend>
          {plans.map((plan) => (
            <label key={plan.code} className="choice">
              <input type="radio" name="plan" value={plan.code} defaultChecked={page.form.plan === plan.code} />
              <span>
                <strong>{t(`catalog:products.${plan.code}.name`)}</strong>{" "}
                <span className="choice-price">{t("options.perSeatYear", { price: money(plan.unitAmount) })}</span>
                {plan.code === page.currentPlan ? <span className="badge badge-info">{t("options.currentPlan")}</span> : null}
                <span className="choice-description">{t(`catalog:products.${plan.code}.description`)}</span>
              </span>
            </label>
          ))}
          {errors.plan ? (
            <span id="plan-error" className="field-error" role="alert">
              {message("plan")}
            </span>
          ) : null}
        </fieldset>

        <div className="field">
          <label htmlFor="seats">{t("options.seats")}</label>
          <span id="seats-hint" className="field-hint">
            {page.seatsInUse !== null
              ? t("options.seatsHint", { inUse: page.seatsInUse, current: page.currentSeats })
              : t("options.seatsHintNoUsage", { current: page.currentSeats })}
          </span>
          <input
            id="seats"
            name="seats"
            type="number"
            inputMode="numeric"
            min={1}
            step={1}
            defaultValue={page.form.seats}
            aria-invalid={errors.seats ? true : undefined}
            aria-describedby={`seats-hint${errors.seats ? " seats-error" : ""}`}
          />
          {errors.seats ? (
            <span id="seats-error" className="field-error" role="alert">
              {message("seats")}
            </span>
          ) : null}
        </div>

        <fieldset aria-describedby={errors.addOn ? "addon-error" : undefined}>
          <legend>{t("options.addOns")}</legend>
          {addOns.map((addOn) => {
            const checked = page.form.addOns.includes(addOn.code);
            const error = addOnError(addOn.code);
            const quantityId = `qty-${addOn.code}`;
            return (
              <div key={addOn.code} className="addon">
                <label className="choice">
                  <input type="checkbox" name="addOn" value={addOn.code} defaultChecked={checked} aria-describedby={error ? `${quantityId}-error` : undefined} />
                  <span>
                    <strong>{t(`catalog:products.${addOn.code}.name`)}</strong>{" "}
                    <span className="choice-price">
                      {addOn.pricingModel === "per_seat"
                        ? t("options.perSeatYear", { price: money(addOn.unitAmount) })
                        : t("options.perUnitYear", { price: money(addOn.unitAmount) })}
                    </span>
                    <span className="choice-description">{t(`catalog:products.${addOn.code}.description`)}</span>
                  </span>
                </label>
                {addOn.pricingModel === "flat" && addOn.maxQuantity > 1 ? (
                  <div className="field addon-quantity">
                    <label htmlFor={quantityId}>{t("options.quantity", { name: t(`catalog:products.${addOn.code}.name`) })}</label>
                    <input
                      id={quantityId}
                      name={`qty_${addOn.code}`}
                      type="number"
                      inputMode="numeric"
                      min={addOn.minQuantity}
                      max={addOn.maxQuantity}
                      defaultValue={page.form.qty[addOn.code] ?? "1"}
                      aria-invalid={error ? true : undefined}
                    />
                  </div>
                ) : null}
                {error ? (
                  <span id={`${quantityId}-error`} className="field-error" role="alert">
                    {error}
                  </span>
                ) : null}
              </div>
            );
          })}
          {errors.addOn ? (
            <span id="addon-error" className="field-error" role="alert">
              {message("addOn")}
            </span>
          ) : null}
        </fieldset>
        {errors.saveOffer ? (
          <p className="field-error" role="alert">
            {message("saveOffer")}
          </p>
        ) : null}

        <p className="actions">
          <button type="submit" className="button button-secondary">
            {t("options.update")}
          </button>
        </p>
        <p className="actions renewal-next">
          <button type="submit" formMethod="post" name="intent" value="review" className="button" disabled={busy}>
            {t("actions.review")}
          </button>
          <button type="submit" formMethod="post" name="intent" value="share" className="button button-secondary" disabled={busy}>
            {t("actions.share")}
          </button>
        </p>
      </Form>

      <section className="renewal-summary" aria-labelledby="breakdown-title">
        <h2 id="breakdown-title">{t("breakdown.title")}</h2>
        {page.quote ? (
          <>
            <p className="renewal-total" aria-live="polite" aria-atomic="true">
              {t("breakdown.liveTotal", { total: money(page.quote.total), count: page.quote.termYears })}
            </p>
            {page.quote.warnings.map((w) => (
              <p key={w.code} className="notice notice-warning">
                {t(`pricing:${w.code}`, {
                  ...w.values,
                  from: w.values?.from ? t(`catalog:products.${w.values.from}.name`) : undefined,
                  to: w.values?.to ? t(`catalog:products.${w.values.to}.name`) : undefined,
                  termEnd: typeof w.values?.termEnd === "string" ? formatDate(w.values.termEnd, lng, "long") : undefined,
                })}
              </p>
            ))}
            <QuoteBreakdown view={page.quote.breakdown} />
            <Countdown text={page.quote.countdownText} />
            <p>{t("breakdown.newTerm", { start: formatDate(page.quote.newTermStart, lng, "long"), end: formatDate(page.quote.newTermEnd, lng, "long") })}</p>
            <p className="muted">{t("breakdown.priceHold", { date: formatDate(page.quote.priceLockedUntil, lng, "long") })}</p>
            <p className="muted">{t("breakdown.noHiddenFees")}</p>
            <form method="post" action={`/renew/${contractId}?index`} className="no-print">
              <input type="hidden" name="term" value={page.form.term} />
              <input type="hidden" name="plan" value={page.form.plan} />
              <input type="hidden" name="seats" value={page.form.seats} />
              {page.form.addOns.map((code) => (
                <input key={code} type="hidden" name="addOn" value={code} />
              ))}
              {page.form.addOns.map((code) => (
                <input key={`q-${code}`} type="hidden" name={`qty_${code}`} value={page.form.qty[code] ?? "1"} />
              ))}
              {page.form.saveOffer ? <input type="hidden" name="saveOffer" value="1" /> : null}
              <button type="submit" name="intent" value="pdf" className="button button-secondary">
                {t("actions.pdf")}
              </button>
            </form>
          </>
        ) : (
          <p className="notice notice-info" aria-live="polite">
            {t("breakdown.fixErrors")}
          </p>
        )}
        <p>
          <Link to={`/renew/${contractId}/not-renewing`}>{t("actions.notRenewing")}</Link>
        </p>
      </section>
    </div>
  );
}

/** The incentive countdown, its sentences prepared by the loader (countdownText). */
function Countdown({ text }: { text: CountdownText }) {
  const { t } = useTranslation(RENEWAL_NAMESPACES);
  return (
    <div className="countdown" aria-labelledby="countdown-title">
      <h3 id="countdown-title">{t("countdown.title")}</h3>
      {text.headline ? <p className="countdown-headline">{text.headline}</p> : <p>{t("countdown.noneToday")}</p>}
      {text.steps.length > 0 ? (
        <ol className="countdown-steps">
          {text.steps.map((step) => (
            <li key={step}>{step}</li>
          ))}
        </ol>
      ) : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
