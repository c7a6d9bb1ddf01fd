import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";

import { formatDate, formatDateTime } from "~/lib/format";
import { parseForm } from "~/lib/forms";

import {
  clock,
  createRenewalLink,
  db,
  findAccountForPortalLink,
  isUuid,
  listPortalLinks,
  PortalLinkSchema,
  readFormData,
  recordAudit,
  requireStaff,
  revokePortalLink,
  searchAccounts,
} from "./__staff.portal-links.server";

export const handle = { i18n: ["staff"], title: "staff:portalLinks.title" };

export async function loader({ request }: LoaderFunctionArgs) {
  const staff = await requireStaff(request);
  const url = new URL(request.url);
  const q = (url.searchParams.get("q") ?? "").slice(0, 100);
  const accountId = url.searchParams.get("accountId");
  const [matches, account, links] = await Promise.all([
    searchAccounts(db(), q),
    isUuid(accountId) ? findAccountForPortalLink(db(), accountId) : Promise.resolve(null),
    listPortalLinks(db(), { createdByStaffId: staff.role === "admin" ? undefined : staff.staffUserId, limit: 50 }),
  ]);
  const now = clock().now();
  return {
    q,
    matches,
    account,
    links: links.map((l) => ({
      ...l,
      state: l.revokedAt ? "revoked" : l.expiresAt <= now ? "expired" : "active",
    })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const staff = await requireStaff(request);
  const form = await readFormData(request);
  if (form.get("intent") === "revoke") {
    const linkId = form.get("linkId");
    if (!isUuid(linkId)) return { intent: "revoke" as const, ok: false };
    const now = clock().now();
    const revoked = await revokePortalLink(db(), linkId, now);
    if (revoked) {
      await recordAudit(db(), {
        actorKind: "staff",
        actorId: staff.staffUserId,
        accountId: null,
        entityType: "portal_link",
        entityId: linkId,
        action: "portal_link.revoked",
        at: now,
      });
    }
    return { intent: "revoke" as const, ok: revoked };
  }
  const parsed = parseForm(form, PortalLinkSchema);
  if (!parsed.ok) return { intent: "create" as const, ok: false, errors: parsed.errors };
  const created = await createRenewalLink(request, staff, parsed.data);
  if (!created.ok) return { intent: "create" as const, ok: false, errors: created.errors };
  return { intent: "create" as const, ok: true, url: created.url, linkId: created.linkId, emailed: created.emailed };
}

export default function StaffPortalLinks() {
  const { q, matches, account, links } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t, i18n } = useTranslation("staff");
  const errors = result && "errors" in result ? result.errors : undefined;
  return (
    <>
      <h1>{t("portalLinks.title")}</h1>
      <p className="lead">{t("portalLinks.lead")}</p>

      {result?.intent === "create" && result.ok && result.url ? (
        <CreatedLink url={result.url} emailed={result.emailed ?? false} />
      ) : null}
      {result?.intent === "revoke" ? (
        <p className={`notice ${result.ok ? "notice-success" : "notice-error"}`} role="status">
          {t(result.ok ? "portalLinks.revoked" : "portalLinks.revokeFailed")}
        </p>
      ) : null}

      <section aria-labelledby="new-link">
        <h2 id="new-link">{t("portalLinks.newTitle")}</h2>
        <Form method="get" className="inline-form">
          <div className="field">
            <label htmlFor="account-search">{t("portalLinks.findAccount")}</label>
            <input id="account-search" name="q" type="search" defaultValue={q} minLength={2} />
          </div>
          <button type="submit" className="button button-secondary">
            {t("portalLinks.search")}
          </button>
        </Form>
        {q && matches.length === 0 ? <p>{t("portalLinks.noMatches", { q })}</p> : null}
        {matches.length > 0 ? (
          <ul className="plain-list">
            {matches.map((m) => (
              <li key={m.id}>
                <Link to={`?accountId=${m.id}`}>{m.name}</Link>
              </li>
            ))}
          </ul>
        ) : null}

        {account ? (
          <Form method="post" className="card portal-link-form">
            <h3>{account.name}</h3>
            <input type="hidden" name="accountId" value={account.id} />
            <div className="field">
              <label htmlFor="contactId">{t("portalLinks.contact")}</label>
              <select id="contactId" name="contactId" required aria-invalid={errors?.contactId ? true : undefined}>
                {account.contacts.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name} ({c.email})
                  </option>
                ))}
              </select>
              {errors?.contactId ? <span className="field-error">{t(errors.contactId, { ns: ["staff", "common"] })}</span> : null}
            </div>
            <div className="field">
              <label htmlFor="contractId">{t("portalLinks.contract")}</label>
              <select id="contractId" name="contractId" required aria-invalid={errors?.contractId ? true : undefined}>
                {account.contracts.map((c) => (
                  <option key={c.id} value={c.id}>
                    {t("portalLinks.contractOption", { number: c.number, date: formatDate(c.termEnd, i18n.language) })}
                  </option>
                ))}
              </select>
              {account.contracts.length === 0 ? <span className="field-hint">{t("portalLinks.noContracts")}</span> : null}
              {errors?.contractId ? <span className="field-error">{t(errors.contractId, { ns: ["staff", "common"] })}</span> : null}
            </div>
            <div className="field">
              <label htmlFor="expiresInDays">{t("portalLinks.expires")}</label>
              <input
                id="expiresInDays"
                name="expiresInDays"
                type="number"
                min={1}
                max={30}
                defaultValue={14}
                aria-describedby="expires-hint"
                aria-invalid={errors?.expiresInDays ? true : undefined}
              />
              <span id="expires-hint" className="field-hint">
                {t("portalLinks.expiresHint")}
              </span>
              {errors?.expiresInDays ? <span className="field-error">{t(errors.expiresInDays, { ns: ["staff", "common"] })}</span> : null}
            </div>
            <div className="field">
              <label htmlFor="note">{t("portalLinks.note")}</label>
              <textarea id="note" name="note" maxLength={2000} aria-describedby="note-hint" />
              <span id="note-hint" className="field-hint">
                {t("portalLinks.noteHint")}
              </span>
            </div>
            <label className="checkbox">
              <input type="checkbox" name="send" value="on" defaultChecked />
              {t("portalLinks.send")}
            </label>
            <p>
              <button type="submit" name="intent" value="create" className="button" disabled={navigation.state !== "idle"}>
                {t("portalLinks.create")}
              </button>
            </p>
          </Form>
        ) : null}
      </section>

      <section aria-labelledby="recent-links">
        <h2 id="recent-links">{t("portalLinks.recent")}</h2>
        {links.length === 0 ? (
          <p>{t("portalLinks.none")}</p>
        ) : (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("portalLinks.columns.account")}</th>
                  <th scope="col">{t("portalLinks.columns.contract")}</th>
                  <th scope="col">{t("portalLinks.columns.recipient")}</th>
                  <th scope="col">{t("portalLinks.columns.expires")}</th>
                  <th scope="col">{t("portalLinks.columns.uses")}</th>
                  <th scope="col">{t("portalLinks.columns.state")}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t("portalLinks.columns.actions")}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {links.map((l) => (
                  <tr key={l.id}>
                    <td>{l.accountName}</td>
                    <td>{l.contractNumber}</td>
                    <td>{l.contactName ?? l.recipientEmail}</td>
                    <td>{formatDateTime(l.expiresAt, i18n.language)}</td>
                    <td className="num">
                      {l.uses}
                      {l.lastUsedAt ? (
                        <span className="muted"> · {formatDateTime(l.lastUsedAt, i18n.language)}</span>
                      ) : null}
                    </td>
                    <td>
                      <span className={`badge badge-${l.state === "active" ? "success" : "neutral"}`}>
                        {t(`portalLinks.states.${l.state}`)}
                      </span>
                    </td>
                    <td>
                      {l.state === "active" ? (
                        <Form method="post">
                          <input type="hidden" name="linkId" value={l.id} />
                          <button
                            type="submit"
                            name="intent"
                            value="revoke"
                            className="button button-secondary button-small"
                            aria-label={t("portalLinks.revokeLabel", { contract: l.contractNumber, account: l.accountName })}
                          >
                            {t("portalLinks.revoke")}
                          </button>
                        </Form>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}

function CreatedLink({ url, emailed }: { url: string; emailed: boolean }) {
  const { t } = useTranslation("staff");
  const [copied, setCopied] = useState(false);
  return (
    <div className="notice notice-success" role="status">
      <p>{t(emailed ? "portalLinks.createdAndSent" : "portalLinks.created")}</p>
      <div className="field">
        <label htmlFor="created-link">{t("portalLinks.linkLabel")}</label>
        <input id="created-link" readOnly value={url} onFocus={(e) => e.currentTarget.select()} />
      </div>
      <button
        type="button"
        className="button button-secondary button-small"
        onClick={() => {
          void navigator.clipboard?.writeText(url).then(() => setCopied(true));
        }}
      >
        {copied ? t("portalLinks.copied") : t("portalLinks.copy")}
      </button>
    </div>
  );
}
