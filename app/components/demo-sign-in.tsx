import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";

interface DemoIdentity {
  email: string;
  name: string;
  kind: "contact" | "staff";
  detail: string;
}

/** Development only: one-click sign-in as a seeded demo person. */
export function DemoSignIn({ identities, redirectTo }: { identities: DemoIdentity[]; redirectTo: string }) {
  const { t } = useTranslation("auth");
  return (
    <section className="demo-sign-in" aria-labelledby="demo-title">
      <h2 id="demo-title">{t("demo.title")}</h2>
      <p className="muted">{t("demo.lead")}</p>
      <ul className="demo-list">
        {identities.map((identity) => (
          <li key={identity.email}>
            <Form method="post" action="/sign-in/demo">
              <input type="hidden" name="email" value={identity.email} />
              <input type="hidden" name="redirectTo" value={redirectTo} />
              <button type="submit" className="button button-secondary demo-button">
                <span>{t("demo.signInAs", { name: identity.name })}</span>
                <span className="demo-detail">
                  {identity.kind === "staff" ? t(`demo.staffRole.${identity.detail}`) : identity.detail}
                </span>
              </button>
            </Form>
          </li>
        ))}
      </ul>
    </section>
  );
}
