import type { LoaderFunctionArgs } from "@remix-run/node";
import { NavLink, Outlet, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { GeneralErrorBoundary } from "~/components/error-boundary";

import { requireStaff } from "./__staff.server";

export const handle = { i18n: ["staff", "staff-help"], title: "staff:overview.title" };

/** The success team's area: its own path and layout; customers get a 404. */
export async function loader({ request }: LoaderFunctionArgs) {
  const staff = await requireStaff(request);
  return { staff: { name: staff.name, role: staff.role } };
}

export default function StaffLayout() {
  const { staff } = useLoaderData<typeof loader>();
  const { t } = useTranslation(["staff", "staff-help"]);
  const links = [
    { to: "/staff", label: t("nav.overview"), end: true },
    { to: "/staff/tickets", label: t("staff-help:nav.tickets"), end: false },
    { to: "/staff/help", label: t("staff-help:nav.help"), end: false },
    { to: "/staff/feedback", label: t("staff-help:nav.feedback"), end: false },
    { to: "/staff/portal-links", label: t("nav.portalLinks"), end: false },
    ...(staff.role === "admin" ? [{ to: "/staff/incentives", label: t("nav.incentives"), end: false }] : []),
  ];
  return (
    <div className="staff-area">
      <div className="staff-bar">
        <p className="staff-who">
          {t("layout.who", { name: staff.name, role: t(`roles.${staff.role}`) })}
        </p>
        <nav aria-label={t("layout.nav")} className="staff-nav">
          <ul>
            {links.map((link) => (
              <li key={link.to}>
                <NavLink to={link.to} end={link.end}>
                  {link.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      </div>
      <Outlet />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
