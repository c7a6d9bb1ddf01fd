import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { GeneralErrorBoundary } from "~/components/error-boundary";
import { RULE_KINDS, RULE_SEGMENTS } from "~/domain/renewal/choices";
import { parseForm } from "~/lib/forms";

import {
  data,
  db,
  IncentiveRuleSchema,
  isUuid,
  listIncentiveRules,
  readFormData,
  requireStaff,
  saveIncentiveRule,
} from "./__staff.incentives.server";

export const handle = { i18n: ["staff", "renewal"], title: "renewal:rules.title" };

/** Admins edit the incentive rules the pricing engine reads; everyone else gets 403. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request, ["admin"]);
  const rules = await listIncentiveRules(db());
  return { rules };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const staff = await requireStaff(request, ["admin"]);
  const form = await readFormData(request);
  const id = form.get("id");
  const ruleId = isUuid(id) ? id.toLowerCase() : null;
  if (id && !ruleId) return data({ ok: false, id: null, errors: { form: "renewal:rules.errors.notFound" } }, { status: 404 });
  const parsed = parseForm(form, IncentiveRuleSchema);
  if (!parsed.ok) return data({ ok: false, id: ruleId, errors: parsed.errors }, { status: 400 });
  const saved = await saveIncentiveRule({ staffUserId: staff.staffUserId, ruleId, values: parsed.data, requestId: context?.requestId ?? null });
  if (!saved.ok) return data({ ok: false, id: ruleId, errors: { form: saved.error } }, { status: saved.status });
  return { ok: true, id: saved.id, errors: null };
}

type Rule = ReturnType<typeof useLoaderData<typeof loader>>["rules"][number];

export default function IncentiveRules() {
  const { rules } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { t } = useTranslation("renewal");
  const editing = params.get("edit");
  return (
    <>
      <h1>{t("rules.title")}</h1>
      <p className="lead">{t("rules.lead")}</p>
      {result?.ok ? (
        <p className="notice notice-success" role="status">
          {t("rules.saved")}
        </p>
      ) : null}
      {RULE_KINDS.map((kind) => (
        <section key={kind} aria-labelledby={`rules-${kind}`}>
          <h2 id={`rules-${kind}`}>{t(`rules.kinds.${kind}`)}</h2>
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">{t(`rules.kinds.${kind}`)}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("rules.fields.segment")}</th>
                  <th scope="col">{kind === "early_renewal" ? t("rules.fields.minDaysBeforeEnd") : kind === "multi_year" ? t("rules.fields.termYears") : t("rules.fields.scope")}</th>
                  <th scope="col" className="num">{t("rules.fields.discountPercent")}</th>
                  <th scope="col">{t("rules.fields.bonus")}</th>
                  <th scope="col">{t("rules.fields.effective")}</th>
                  <th scope="col">{t("rules.fields.active")}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t("rules.fields.actions")}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {rules
                  .filter((r) => r.kind === kind)
                  .map((rule) => (
                    <tr key={rule.id}>
                      <td>{t(`rules.segments.${rule.segment ?? "all"}`)}</td>
                      <td>{rule.minDaysBeforeEnd ?? rule.termYears ?? "—"}</td>
                      <td className="num">{rule.discountBps / 100}%</td>
                      <td>{[rule.bonusMonths ? t("rules.bonusMonths", { count: rule.bonusMonths }) : null, rule.bonusFeature].filter(Boolean).join(", ") || "—"}</td>
                      <td>
                        {rule.effectiveFrom} – {rule.effectiveTo ?? t("rules.openEnded")}
                      </td>
                      <td>{rule.active ? t("rules.yes") : t("rules.no")}</td>
                      <td>
                        <Link to={`?edit=${rule.id}`} aria-label={t("rules.editLabel", { kind: t(`rules.kinds.${kind}`), segment: t(`rules.segments.${rule.segment ?? "all"}`) })}>
                          {t("rules.edit")}
                        </Link>
                      </td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
      {editing ? (
        <RuleForm key={editing} rule={rules.find((r) => r.id === editing) ?? null} errors={result && !result.ok && result.id === editing ? result.errors : null} />
      ) : null}
      <RuleForm key="new" rule={null} errors={result && !result.ok && !result.id ? result.errors : null} />
    </>
  );
}

function RuleForm({ rule, errors }: { rule: Rule | null; errors: Record<string, string> | null }) {
  const { t } = useTranslation("renewal");
  const navigation = useNavigation();
  const prefix = rule ? `rule-${rule.id}` : "rule-new";
  const err = (name: string) =>
    errors?.[name] ? (
      <span id={`${prefix}-${name}-error`} className="field-error" role="alert">
        {t(errors[name]!, { ns: ["renewal", "common"] })}
      </span>
    ) : null;
  const described = (name: string) => (errors?.[name] ? `${prefix}-${name}-error` : undefined);
  const input = (name: string, type: string, value: string | number | null | undefined, extra: Record<string, unknown> = {}) => (
    <div className="field">
      <label htmlFor={`${prefix}-${name}`}>{t(`rules.fields.${name}`)}</label>
      <input id={`${prefix}-${name}`} name={name} type={type} defaultValue={value ?? ""} aria-invalid={errors?.[name] ? true : undefined} aria-describedby={described(name)} {...extra} />
      {err(name)}
    </div>
  );
  return (
    <Form method="post" className="card rule-form" aria-labelledby={`${prefix}-title`}>
      <h2 id={`${prefix}-title`}>{rule ? t("rules.editTitle") : t("rules.newTitle")}</h2>
      {err("form")}
      {rule ? <input type="hidden" name="id" value={rule.id} /> : null}
      <div className="field">
        <label htmlFor={`${prefix}-kind`}>{t("rules.fields.kind")}</label>
        <select id={`${prefix}-kind`} name="kind" defaultValue={rule?.kind ?? "early_renewal"} aria-describedby={described("kind")}>
          {RULE_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`rules.kinds.${k}`)}
            </option>
          ))}
        </select>
        {err("kind")}
      </div>
      <div className="field">
        <label htmlFor={`${prefix}-segment`}>{t("rules.fields.segment")}</label>
        <select id={`${prefix}-segment`} name="segment" defaultValue={rule?.segment ?? "all"} aria-describedby={described("segment")}>
          {RULE_SEGMENTS.map((s) => (
            <option key={s} value={s}>
              {t(`rules.segments.${s}`)}
            </option>
          ))}
        </select>
        {err("segment")}
      </div>
      {input("minDaysBeforeEnd", "number", rule?.minDaysBeforeEnd, { min: 0, max: 730 })}
      {input("termYears", "number", rule?.termYears, { min: 1, max: 5 })}
      {input("discountPercent", "text", rule ? rule.discountBps / 100 : "", { inputMode: "decimal" })}
      {input("bonusMonths", "number", rule?.bonusMonths ?? 0, { min: 0, max: 12 })}
      {input("bonusFeature", "text", rule?.bonusFeature, { maxLength: 80 })}
      {input("effectiveFrom", "date", rule?.effectiveFrom)}
      {input("effectiveTo", "date", rule?.effectiveTo)}
      <label className="checkbox">
        <input type="checkbox" name="active" value="on" defaultChecked={rule?.active ?? true} />
        <span>{t("rules.fields.active")}</span>
      </label>
      <p className="actions">
        <button type="submit" className="button" disabled={navigation.state !== "idle"}>
          {rule ? t("rules.saveChanges") : t("rules.add")}
        </button>
        {rule ? <Link to=".">{t("rules.cancel")}</Link> : null}
      </p>
    </Form>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
