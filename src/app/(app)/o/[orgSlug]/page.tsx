import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { DueCheckInsCard } from "@/features/checkins/components/due-check-ins-card";
import { todayOf } from "@/features/checkins/progress";
import { MyGoalsCard } from "@/features/goals/components/my-goals-card";
import { PersonLink } from "@/features/people/components/person-link";
import { pageData } from "@/server/trpc/page-data";
import { serverCaller } from "@/server/trpc/server-caller";
import { Card } from "@/ui/card";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("shell"))("home") };
}

export default async function OrganizationHomePage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const caller = await serverCaller();
  const [me, periods] = await Promise.all([
    pageData(caller.member.me({ orgSlug }), `/o/${orgSlug}`),
    pageData(caller.period.list({ orgSlug }), `/o/${orgSlug}`),
  ]);
  const t = await getTranslations();
  const format = await getFormatter();
  const current = periods.find((period) => period.isCurrent);
  // the cards are side dishes: if one fails, the rest of the home page still shows (the check-ins
  // card then asks again from the browser)
  const [myGoals, dueCheckIns] = await Promise.all([
    caller.goal.list({ orgSlug, scope: "mine", periodId: current?.id ?? null }).catch(() => null),
    caller.checkIn.due({ orgSlug }).catch(() => null),
  ]);
  const date = (value: Date) => format.dateTime(value, { dateStyle: "medium", timeZone: "UTC" });

  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{t("home.greeting", { name: me.name })}</h1>
        <p className="mt-1 text-slate-600">{t("home.lead", { organization: me.organization.name })}</p>
      </div>

      <DueCheckInsCard orgSlug={orgSlug} initial={dueCheckIns} today={todayOf(new Date())} hasReports={me.reports.length > 0} />

      <div className="grid gap-4 md:grid-cols-2">
        <MyGoalsCard orgSlug={orgSlug} goals={myGoals} periodName={current?.name ?? null} />

        <Card title={t("home.yourRole")}>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
            <dt className="text-slate-600">{t("home.yourRole")}</dt>
            <dd data-testid="home-role" className="font-medium">
              {t(`roles.${me.role}`)}
              {me.title ? <span className="font-normal text-slate-600"> · {me.title}</span> : null}
            </dd>
            <dt className="text-slate-600">{t("home.team")}</dt>
            <dd data-testid="home-team">{me.team?.name ?? <span className="text-slate-500">{t("home.noTeam")}</span>}</dd>
            <dt className="text-slate-600">{t("home.manager")}</dt>
            <dd data-testid="home-manager">
              {me.manager ? <PersonLink orgSlug={orgSlug} person={me.manager} /> : <span className="text-slate-500">{t("home.noManager")}</span>}
            </dd>
          </dl>
        </Card>

        <Card title={t("home.currentPeriod")}>
          {current ? (
            <p className="text-sm">
              <span className="text-lg font-semibold">{current.name}</span>
              <br />
              <span className="text-slate-600">
                {t("home.periodRange", { start: date(current.startDate), end: date(current.endDate) })}
              </span>
            </p>
          ) : (
            <p className="text-sm text-slate-600">{t("home.noPeriod")}</p>
          )}
        </Card>

        <Card title={t("home.reports")}>
          {me.reports.length > 0 ? (
            <ul className="grid gap-1 text-sm sm:grid-cols-2">
              {me.reports.map((report) => (
                <li key={report.membershipId}>
                  <PersonLink orgSlug={orgSlug} person={report} />
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-slate-600">{t("home.noReports")}</p>
          )}
        </Card>

        <Card title={t("home.aboutTitle")}>
          <p className="text-sm text-slate-700">{t("home.aboutBody")}</p>
        </Card>
      </div>
    </div>
  );
}
