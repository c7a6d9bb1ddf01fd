import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { SUPPORT_EMAIL, SUPPORT_PHONE, SUPPORT_PHONE_HREF } from "~/domain/help/support-contact";

/** A human is one step away: hours, phone, email and the request form. */
export function ContactSupport() {
  const { t } = useTranslation("help");
  return (
    <section className="help-contact" aria-labelledby="help-contact-title">
      <h2 id="help-contact-title">{t("contact.title")}</h2>
      <p>{t("contact.body")}</p>
      <ul className="help-contact-list">
        <li>
          {t("contact.phone")}: <a href={SUPPORT_PHONE_HREF}>{SUPPORT_PHONE}</a>
        </li>
        <li>
          {t("contact.email")}: <a href={`mailto:${SUPPORT_EMAIL}`}>{SUPPORT_EMAIL}</a>
        </li>
      </ul>
      <p className="actions">
        <Link to="/support" className="button button-secondary">
          {t("contact.request")}
        </Link>
        <Link to="/help/articles/contacting-support">{t("contact.article")}</Link>
      </p>
    </section>
  );
}
