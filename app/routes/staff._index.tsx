import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { db, listAccountsOwnedBy, requireStaff } from "./__staff._index.server";

export const handle = { i18n: ["staff"] };

export async function loader({ request }: LoaderFunctionArgs) {
  const staff = await requireStaff(request);
  const accounts = await listAccountsOwnedBy(db(), staff.staffUserId);
  return { accounts };
}

export default function StaffHome() {
  const { accounts } = useLoaderData<typeof loader>();
  const { t } = useTranslation("staff");
  return (
    <>
      <h1>{t("overview.title")}</h1>
      <p className="lead">{t("overview.lead")}</p>
      <h2>{t("overview.myAccounts")}</h2>
      {accounts.length === 0 ? (
        <p>{t("overview.noAccounts")}</p>
      ) : (
        <ul className="plain-list">
          {accounts.map((account) => (
            <li key={account.id}>
              <Link to={`/staff/portal-links?accountId=${account.id}`}>{account.name}</Link>{" "}
              <span className="muted">
                {t(`segments.${account.segment}`)} · {account.currency}
              </span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
