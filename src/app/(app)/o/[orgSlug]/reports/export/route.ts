import { TRPCError } from "@trpc/server";
import { createTranslator } from "next-intl";
import { CONTENT_TYPES, reportCsv, reportFileName, reportSections, reportXlsx, type Translate } from "@/features/reports/report-export";
import { EXPORT_FORMATS, filtersOf, parseReportView, periodOf, type ExportFormat } from "@/features/reports/report-params";
import { resolveLocale } from "@/i18n/request";
import { clientIpFrom } from "@/server/auth/client-ip";
import { sessionClaims } from "@/server/auth/session";
import { getDb } from "@/server/db/client";
import { createCaller } from "@/server/trpc/root";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

const STATUS: Partial<Record<TRPCError["code"], number>> = { BAD_REQUEST: 400, UNAUTHORIZED: 401, FORBIDDEN: 403, NOT_FOUND: 404 };

const isExportFormat = (value: string | null): value is ExportFormat => (EXPORT_FORMATS as readonly (string | null)[]).includes(value);

/**
 * The HR report as a CSV or XLSX download: ?format=csv|xlsx and the page's own search
 * parameters (period, department, team, kind, level, role). It calls the very procedure the
 * page calls, as the signed-in user, so it answers the same numbers and the same refusals.
 */
export async function GET(request: Request, { params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const url = new URL(request.url);
  const locale = await resolveLocale();
  const messages = locale === "en" ? (await import("@/i18n/messages/en")).default : (await import("@/i18n/messages/sv")).default;
  const translator = createTranslator({ locale, messages });
  const t: Translate = (key, values) => (translator as unknown as Translate)(key, values);
  const refuse = (status: number, key: string) =>
    new Response(t(`errors.${key}`), { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });

  const format = url.searchParams.get("format");
  if (!isExportFormat(format)) return refuse(400, "invalidInput");
  const view = parseReportView(url.searchParams);
  const caller = createCaller({ db: await getDb(), claims: await sessionClaims(), clientIp: clientIpFrom(request.headers) });

  try {
    const me = await caller.member.me({ orgSlug });
    // no period named: the one the page opens with (the current period, else the latest)
    const periodId = view.period ?? periodOf(view, await caller.period.list({ orgSlug }))?.id;
    if (!periodId) return refuse(404, "notFound");
    const report = await caller.report.hr({ orgSlug, periodId, filters: filtersOf(view) });

    const sections = reportSections(report, { organizationName: me.organization.name, t });
    const body =
      format === "csv" ? new TextEncoder().encode(reportCsv(sections, locale)) : new Uint8Array(await reportXlsx(sections, { creator: "Smarta", created: new Date() }));
    const fileName = reportFileName(report, format, t);
    return new Response(body, {
      headers: {
        "Content-Type": CONTENT_TYPES[format],
        "Content-Disposition": `attachment; filename="${fileName}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    if (error instanceof TRPCError && STATUS[error.code]) {
      return refuse(STATUS[error.code]!, error.code === "BAD_REQUEST" ? "invalidInput" : error.code === "UNAUTHORIZED" ? "unauthorized" : error.code === "FORBIDDEN" ? "forbidden" : "notFound");
    }
    throw error;
  }
}
