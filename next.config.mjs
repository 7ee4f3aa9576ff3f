import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./src/i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // lets parallel checkouts or agents build side by side (default .next)
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  // PGlite ships wasm and data files that must be loaded from node_modules, not bundled; exceljs
  // (report downloads) is CommonJS built on Node streams and zip libraries, also required at run time.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "exceljs"],
  turbopack: { root: import.meta.dirname },
  typedRoutes: false,
  async headers() {
    return [
      {
        source: "/(.*)",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
        ],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
