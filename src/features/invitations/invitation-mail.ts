import { createTranslator } from "next-intl";
import en from "@/i18n/messages/en";
import sv from "@/i18n/messages/sv";
import type { AppLocale } from "@/i18n/config";
import type { MailMessage } from "@/server/mail/mailer";

export type InvitationMailInput = {
  locale: AppLocale;
  to: string;
  inviteeName: string | null;
  inviterName: string;
  organizationName: string;
  link: string;
  expiresAt: Date;
};

// The organisation's own zone is not modelled yet; the app shows times in Stockholm's as well.
const TIME_ZONE = "Europe/Stockholm";

function escapeHtml(value: string): string {
  return value
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

/** A short invitation mail in the organisation's language: plain text plus the same in simple HTML. */
export function composeInvitationMail(input: InvitationMailInput): MailMessage {
  const t = createTranslator({
    locale: input.locale,
    messages: input.locale === "en" ? en : sv,
    namespace: "invitations.mail",
  });
  const date = new Intl.DateTimeFormat(input.locale === "en" ? "en-GB" : "sv-SE", {
    dateStyle: "long",
    timeStyle: "short",
    timeZone: TIME_ZONE,
  }).format(input.expiresAt);
  const values = { organization: input.organizationName, inviter: input.inviterName };
  const greeting = input.inviteeName ? t("greeting", { name: input.inviteeName }) : t("greetingNoName");
  const paragraphs = {
    body: t("body", values),
    action: t("action"),
    expiry: t("expiry", { date }),
    ignore: t("ignore"),
  };

  const text = [greeting, "", paragraphs.body, "", paragraphs.action, input.link, "", paragraphs.expiry, "", paragraphs.ignore, ""].join(
    "\n",
  );

  const link = escapeHtml(input.link);
  const p = (content: string) => `<p style="margin:0 0 16px">${content}</p>`;
  const html = [
    `<!doctype html><html lang="${input.locale}"><body style="margin:0;padding:24px;background:#f8fafc;font-family:system-ui,-apple-system,'Segoe UI',sans-serif;font-size:15px;line-height:1.5;color:#0f172a">`,
    `<div style="max-width:560px;margin:0 auto;background:#ffffff;border:1px solid #e2e8f0;border-radius:8px;padding:24px">`,
    p(escapeHtml(greeting)),
    p(escapeHtml(paragraphs.body)),
    p(
      `<a href="${link}" style="display:inline-block;background:#187059;color:#ffffff;text-decoration:none;font-weight:600;padding:10px 18px;border-radius:6px">${escapeHtml(t("button"))}</a>`,
    ),
    p(`${escapeHtml(paragraphs.action)}<br><a href="${link}" style="color:#187059;word-break:break-all">${link}</a>`),
    p(escapeHtml(paragraphs.expiry)),
    `<p style="margin:0;color:#64748b;font-size:13px">${escapeHtml(paragraphs.ignore)}</p>`,
    `</div></body></html>`,
  ].join("\n");

  return { to: input.to, subject: t("subject", values), text, html };
}
