import type en from "./messages/en";

// Typed message keys: a key used in code but missing from the catalogue fails typechecking.
declare module "next-intl" {
  interface AppConfig {
    Locale: "sv" | "en";
    Messages: typeof en;
  }
}
