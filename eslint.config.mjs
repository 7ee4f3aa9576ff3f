import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      ".next/**",
      ".next-*/**",
      "node_modules/**",
      ".data/**",
      "src/server/db/generated/**",
      "next-env.d.ts",
      "test-results/**",
      "playwright-report/**",
      "eslint.config.mjs",
      "postcss.config.mjs",
      "next.config.mjs",
    ],
  },
  ...nextVitals,
  ...nextTs,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/consistent-type-definitions": ["error", "type"],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
    },
  },
  {
    // next-auth and next-intl augment library interfaces, which only interfaces can do
    files: ["src/server/auth/options.ts", "src/i18n/global.d.ts", "tests/support/global-setup.ts"],
    rules: { "@typescript-eslint/consistent-type-definitions": "off" },
  },
);
