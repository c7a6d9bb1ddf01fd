import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { HelpSearchForm } from "./search-form";

/** The help centre's 404: say what is missing and offer the search box. */
export function HelpNotFound({ kind }: { kind: "article" | "category" }) {
  const { t } = useTranslation("help");
  return (
    <section className="error-page" aria-labelledby="error-title">
      <p className="error-code" aria-hidden="true">
        404
      </p>
      <h1 id="error-title">{t(`notFound.${kind}Title`)}</h1>
      <p>{t(`notFound.${kind}Body`)}</p>
      <HelpSearchForm />
      <p>
        <Link to="/help">{t("notFound.back")}</Link>
      </p>
    </section>
  );
}
