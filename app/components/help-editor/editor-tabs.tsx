import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/** The help-centre area of the staff pages: the articles, and what readers tell us. */
export function EditorTabs({ current }: { current: "articles" | "insights" }) {
  const { t } = useTranslation("staff-help");
  const tabs = [
    { key: "articles", to: "/staff/help", label: t("tabs.articles") },
    { key: "insights", to: "/staff/help/insights", label: t("tabs.insights") },
  ] as const;
  return (
    <nav aria-label={t("tabs.label")} className="editor-tabs">
      <ul>
        {tabs.map((tab) => (
          <li key={tab.key}>
            <Link to={tab.to} aria-current={tab.key === current ? "page" : undefined}>
              {tab.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
