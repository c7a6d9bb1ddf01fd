import js from "@eslint/js";
import jsxA11y from "eslint-plugin-jsx-a11y";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

/** Routes and components reach data through app/models or app/domain. */
const NO_SQL_IN_VIEWS = ["kysely", "pg"].map((name) => ({
  name,
  message: "Routes and components call app/models or app/domain, never SQL.",
}));

export default tseslint.config(
  {
    ignores: ["build/", "public/build/", ".cache/", ".data/", "node_modules/", "test-results/", "playwright-report/", "bench/.work/"],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    languageOptions: {
      globals: { ...globals.node, ...globals.browser },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "no-console": ["error", { allow: ["warn", "error"] }],
      // Routes must not build SQL: data access lives in app/models.
      "no-restricted-imports": [
        "error",
        { paths: [{ name: "pg", message: "Use Kysely through app/lib/db.server.ts" }] },
      ],
    },
  },
  {
    files: ["app/**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks, "jsx-a11y": jsxA11y },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.flatConfigs.recommended.rules,
      // zod's `z` export drags every locale of zod into the browser bundle
      // (~100 kB gzip per page with a form); the namespace import lets esbuild drop them.
      "no-restricted-syntax": [
        "error",
        {
          selector: "ImportDeclaration[source.value='zod'][importKind!='type'] > ImportSpecifier[imported.name='z']",
          message: "Write `import * as z from \"zod\"`: the `z` export pulls all of zod's locales into the client bundle.",
        },
      ],
    },
  },
  {
    files: ["app/lib/db.server.ts"],
    rules: { "no-restricted-imports": "off" },
  },
  {
    files: ["app/routes/**/*.{ts,tsx}", "app/components/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: NO_SQL_IN_VIEWS,
        },
      ],
    },
  },
  {
    // A page module reaches server code only through its own `.server` facade
    // (app/root.server.ts, app/routes/__<route>.server.ts): every other
    // `.server` module, and @remix-run/node's runtime helpers, would each add
    // an empty stub chunk to the page's initial JavaScript (see app/root.server.ts).
    files: ["app/root.tsx", "app/routes/**/*.tsx"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            ...NO_SQL_IN_VIEWS,
            {
              name: "@remix-run/node",
              importNames: ["data", "redirect", "json", "redirectDocument", "replace"],
              allowTypeImports: true,
              message: "Re-export it from this route's `.server` facade: imported here it adds a stub chunk to the page.",
            },
          ],
          patterns: [
            {
              regex: "^(?!\\./__|~/root\\.server$).*\\.server$",
              allowTypeImports: true,
              message: "Import server code through this route's `.server` facade (app/routes/__<route>.server.ts, or app/root.server.ts).",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["scripts/**", "tests/**", "bench/**", "db/**", "server/**", "*.config.*", "content/**"],
    rules: { "no-console": "off", "no-restricted-imports": "off" },
  },
  {
    files: ["**/*.{js,mjs,cjs}"],
    languageOptions: { globals: { ...globals.node } },
  },
);
