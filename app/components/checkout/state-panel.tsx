import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { paymentPaths } from "~/lib/payments/urls";

export type PanelState = "paid" | "processing" | "expired" | "not_confirmed" | "closed" | "stale" | "too_large";

/** Where each "cannot pay this now" state sends the customer next. */
function nextStep(state: PanelState, quoteId: string, contractId: string): string {
  switch (state) {
    case "paid":
    case "processing":
      return paymentPaths.success(quoteId);
    case "too_large":
      return "/support";
    default:
      return paymentPaths.renewal(contractId);
  }
}

/** Why a quote cannot be paid right now, said plainly, with the one next step. */
export function CheckoutStatePanel({
  state,
  quoteId,
  contractId,
  values,
}: {
  state: PanelState;
  quoteId: string;
  contractId: string;
  values: Record<string, string>;
}) {
  const { t } = useTranslation("checkout");
  const tone = state === "paid" ? "notice-success" : state === "processing" ? "notice-info" : "notice-warning";
  return (
    <section className={`notice ${tone} checkout-state`} aria-labelledby="checkout-state-title">
      <h2 id="checkout-state-title">{t(`state.${state}.title`)}</h2>
      <p>{t(`state.${state}.body`, values)}</p>
      <p>
        <Link to={nextStep(state, quoteId, contractId)} className="button">
          {t(`state.${state}.action`)}
        </Link>
      </p>
    </section>
  );
}
