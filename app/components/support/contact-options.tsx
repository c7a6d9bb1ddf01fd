import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { SUPPORT_EMAIL, SUPPORT_PHONE, SUPPORT_PHONE_HREF } from "~/domain/help/support-contact";

/**
 * The three ways to reach a person: a request (sign-in needed: the form
 * sends a signed-out visitor to sign in and back), the phone with its hours,
 * and email.
 */
export function ContactOptions({ signedIn, openNow }: { signedIn: boolean; openNow: boolean }) {
  const { t } = useTranslation("support");
  return (
    <ul className="card-grid support-options">
      <li className="card">
        <h2>{t("contact.requestTitle")}</h2>
        <p>{t("contact.requestBody")}</p>
        <p className="actions">
          <Link to="/support/new" className="button">
            {t("contact.newRequest")}
          </Link>
        </p>
        {signedIn ? null : <p className="muted">{t("contact.signInFirst")}</p>}
      </li>
      <li className="card">
        <h2>{t("contact.phoneTitle")}</h2>
        <p className="support-phone">
          <a href={SUPPORT_PHONE_HREF}>{SUPPORT_PHONE}</a>
        </p>
        <p>{t("contact.hours")}</p>
        <p>
          <span className={`badge support-hours-badge ${openNow ? "badge-success" : "badge-neutral"}`}>
            {t(openNow ? "contact.openNow" : "contact.closedNow")}
          </span>
        </p>
        <p className="muted">{t("contact.premium")}</p>
      </li>
      <li className="card">
        <h2>{t("contact.emailTitle")}</h2>
        <p>
          <a href={`mailto:${SUPPORT_EMAIL}`}>{SUPPORT_EMAIL}</a>
        </p>
        <p className="muted">{t("contact.emailBody")}</p>
      </li>
    </ul>
  );
}
