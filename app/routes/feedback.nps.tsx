import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { GeneralErrorBoundary } from "~/components/error-boundary";
import { NpsForm } from "~/components/nps-form";

import { clock, data, db, findNpsPrevious, readFormData, requireCustomer, submitNps } from "./__feedback.nps.server";

export const handle = { i18n: ["support"], title: "support:nps.pageTitle" };

/** A form post is far smaller than this; anything bigger is refused unread. */
const MAX_BODY_BYTES = 32 * 1024;

/** The NPS survey from the account menu; the form itself is app/components/nps-form.tsx. */
export async function loader({ request }: LoaderFunctionArgs) {
  const customer = await requireCustomer(request);
  return { previous: await findNpsPrevious(db(), customer.contactId, clock().now()) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const customer = await requireCustomer(request);
  if (Number(request.headers.get("Content-Length") ?? 0) > MAX_BODY_BYTES) {
    return data({ intent: "nps" as const, ok: false as const, errors: { comment: "support:errors.commentTooLong" } }, { status: 413 });
  }
  const result = await submitNps(db(), { accountId: customer.accountId, contactId: customer.contactId }, await readFormData(request), clock().now(), {
    requestId: context.requestId,
  });
  return data(result, { status: result.ok ? 200 : 400 });
}

export default function NpsPage() {
  const { previous } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation("support");
  return (
    <div className="support narrow-wide">
      <h1>{t("nps.pageTitle")}</h1>
      <p className="lead">{t("nps.lead")}</p>
      <NpsForm previous={previous} result={result} />
      <p>
        <Link to="/support">{t("nps.needHelp")}</Link>
      </p>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
