"use client";

import { useMutation } from "@tanstack/react-query";
import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useCallback, useEffect, useRef, useState, type RefObject } from "react";
import { useTRPC } from "@/lib/trpc/client";
import { LanguageSwitch } from "./language-switch";

type OrganizationChoice = { slug: string; name: string };
type NavItem = { href: string; label: string };

/** Closes an open menu on Escape or a click outside it. */
function useDismiss(ref: RefObject<HTMLElement | null>, open: boolean, close: () => void) {
  useEffect(() => {
    if (!open) return;
    const onEvent = (event: MouseEvent | KeyboardEvent) => {
      if (event instanceof KeyboardEvent ? event.key === "Escape" : !ref.current?.contains(event.target as Node)) close();
    };
    document.addEventListener("mousedown", onEvent);
    document.addEventListener("keydown", onEvent);
    return () => {
      document.removeEventListener("mousedown", onEvent);
      document.removeEventListener("keydown", onEvent);
    };
  }, [ref, open, close]);
}

export function TopBar({
  organization,
  organizations,
  user,
  navigation,
}: {
  organization: OrganizationChoice;
  organizations: OrganizationChoice[];
  user: { name: string; email: string; roleLabel: string };
  navigation: NavItem[];
}) {
  const t = useTranslations("shell");
  const pathname = usePathname();
  const trpc = useTRPC();
  const signOutEverywhere = useMutation(trpc.account.signOutEverywhere.mutationOptions());
  const [menuOpen, setMenuOpen] = useState(false);
  const menuRef = useRef<HTMLDivElement>(null);
  const closeMenu = useCallback(() => setMenuOpen(false), []);
  useDismiss(menuRef, menuOpen, closeMenu);
  const [signingOut, setSigningOut] = useState(false);

  async function endSession(everywhere: boolean) {
    setSigningOut(true);
    if (everywhere) await signOutEverywhere.mutateAsync().catch(() => undefined);
    await signOut({ callbackUrl: everywhere ? "/sign-in?notice=everywhere" : "/sign-in" });
  }

  const initials = user.name
    .split(/\s+/)
    .map((part) => part[0] ?? "")
    .join("")
    .slice(0, 2)
    .toUpperCase();

  return (
    <header className="no-print border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-2 sm:px-6">
        <Link href={`/o/${organization.slug}`} className="text-lg font-bold tracking-tight text-brand-700">
          Smarta
        </Link>

        {organizations.length > 1 ? (
          <label className="flex items-center gap-2 text-sm">
            <span className="sr-only">{t("switchOrganization")}</span>
            <select
              aria-label={t("switchOrganization")}
              value={organization.slug}
              // a full load: the other organisation may speak another language, and the
              // root layout (which holds the messages) is not re-rendered by a client navigation
              // eslint-disable-next-line @next/next/no-location-assign-relative-destination
              onChange={(event) => window.location.assign(`/o/${event.target.value}`)}
              className="max-w-48 rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm"
            >
              {organizations.map((choice) => (
                <option key={choice.slug} value={choice.slug}>
                  {choice.name}
                </option>
              ))}
            </select>
          </label>
        ) : (
          <span className="text-sm text-slate-600" aria-label={t("currentOrganization")}>
            {organization.name}
          </span>
        )}

        {/* min-w-0: a flex item is otherwise never narrower than its links, and the page would scroll sideways on a phone */}
        <nav aria-label={t("mainNavigation")} className="order-last w-full min-w-0 sm:order-none sm:w-auto">
          <ul className="flex gap-1 overflow-x-auto">
            {navigation.map((item) => {
              // the home link is active only on home; the others for their whole area
              const active = item.href.split("/").length <= 3 ? pathname === item.href : pathname.startsWith(item.href);
              return (
                <li key={item.href}>
                  <Link
                    href={item.href}
                    aria-current={active ? "page" : undefined}
                    className={`block rounded-md px-3 py-1.5 text-sm ${active ? "bg-brand-50 font-medium text-brand-700" : "text-slate-700 hover:bg-slate-100"}`}
                  >
                    {item.label}
                  </Link>
                </li>
              );
            })}
          </ul>
        </nav>

        <div className="ml-auto" ref={menuRef}>
          <div className="relative">
            <button
              type="button"
              aria-haspopup="true"
              aria-expanded={menuOpen}
              aria-label={t("userMenu")}
              onClick={() => setMenuOpen(!menuOpen)}
              className="flex items-center gap-2 rounded-full p-0.5 pr-2 hover:bg-slate-100"
            >
              <span aria-hidden className="grid size-8 place-items-center rounded-full bg-brand-600 text-xs font-semibold text-white">
                {initials}
              </span>
              <span className="hidden text-sm text-slate-800 sm:inline">{user.name}</span>
            </button>
            {menuOpen ? (
              <div className="absolute right-0 z-20 mt-2 w-72 rounded-lg border border-slate-200 bg-white p-3 shadow-lg">
                <p className="text-sm font-medium">{user.name}</p>
                <p className="truncate text-xs text-slate-600">{user.email}</p>
                <p className="mt-1 text-xs text-slate-600">{user.roleLabel}</p>
                <div className="my-3 border-t border-slate-200" />
                <p className="mb-1 text-xs font-medium text-slate-600">{t("language")}</p>
                <LanguageSwitch signedIn />
                <div className="my-3 border-t border-slate-200" />
                <button
                  type="button"
                  disabled={signingOut}
                  onClick={() => void endSession(false)}
                  className="block w-full rounded-md px-2 py-1.5 text-left text-sm hover:bg-slate-100"
                >
                  {signingOut ? t("signingOut") : t("signOut")}
                </button>
                <button
                  type="button"
                  disabled={signingOut}
                  onClick={() => void endSession(true)}
                  className="block w-full rounded-md px-2 py-1.5 text-left text-sm hover:bg-slate-100"
                >
                  {t("signOutEverywhere")}
                </button>
              </div>
            ) : null}
          </div>
        </div>
      </div>
    </header>
  );
}
