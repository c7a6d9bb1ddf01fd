import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { GeneralErrorBoundary } from "~/components/error-boundary";

export const handle = { i18n: ["home"] };


export default function Home() {
  const { t } = useTranslation("home");
  const steps = ["review", "quote", "approve", "pay"] as const;
  return (
    <>
      <section className="hero" aria-labelledby="hero-title">
        <h1 id="hero-title">{t("hero.title")}</h1>
        <p className="lead">{t("hero.lead")}</p>
        <p className="actions">
          <Link to="/account" className="button">
            {t("hero.cta")}
          </Link>
          <Link to="/help" className="button button-secondary">
            {t("hero.help")}
          </Link>
        </p>
      </section>
      <section aria-labelledby="steps-title" className="steps">
        <h2 id="steps-title">{t("steps.title")}</h2>
        <ol className="card-grid">
          {steps.map((step, index) => (
            <li key={step} className="card">
              <span className="step-number" aria-hidden="true">
                {index + 1}
              </span>
              <h3>{t(`steps.${step}.title`)}</h3>
              <p>{t(`steps.${step}.body`)}</p>
            </li>
          ))}
        </ol>
      </section>
      <section aria-labelledby="why-title" className="why">
        <h2 id="why-title">{t("why.title")}</h2>
        <ul className="check-list">
          <li>{t("why.early")}</li>
          <li>{t("why.transparent")}</li>
          <li>{t("why.approvers")}</li>
          <li>{t("why.languages")}</li>
        </ul>
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
