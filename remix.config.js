/**
 * Remix v2 classic compiler (see docs/decisions/0001-classic-compiler.md).
 * The Express server in server/index.ts is compiled together with the app into
 * one bundle (build/server.js), so the server and the routes share one database
 * pool, one job queue and one i18next instance per language.
 * @type {import('@remix-run/dev').AppConfig}
 */
export default {
  appDirectory: "app",
  server: "server/index.ts",
  serverBuildPath: "build/server.js",
  assetsBuildDirectory: "public/build",
  publicPath: "/build/",
  serverModuleFormat: "esm",
  serverPlatform: "node",
  ignoredRouteFiles: ["**/.*", "**/__*"],
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    v3_lazyRouteDiscovery: true,
    v3_singleFetch: true,
  },
};
