import type { Config } from "tailwindcss";

// Loaded by Tailwind 4 through `@config` in src/app/globals.css.
const config: Config = {
  content: ["./src/**/*.{ts,tsx}"],
  theme: {
    extend: {
      colors: {
        brand: {
          50: "#eef7f4",
          100: "#d5ece4",
          500: "#1f8a70",
          600: "#187059",
          700: "#135a48",
          900: "#0b3329",
        },
      },
      fontFamily: {
        sans: ["ui-sans-serif", "system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica", "Arial", "sans-serif"],
      },
    },
  },
};

export default config;
