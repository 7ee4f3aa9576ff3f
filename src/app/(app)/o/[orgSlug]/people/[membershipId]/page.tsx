import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PersonLink } from "@/features/people/components/person-link";
import { pageData } from "@/server/trpc/page-data";
import { serverCaller } from "@/server/trpc/server-caller";
import { Card } from "@/ui/card";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("person"))("title") };
}

export default async function PersonPage({ params }: { params: Promise<{ orgSlug: string; membershipId: string }> }) {
  const { orgSlug, membershipId } = await params;
  const caller = await serverCaller();
  const person = await pageData(caller.member.get({ orgSlug, membershipId }), `/o/${orgSlug}/people/${membershipId}`);
  const t = await getTranslations();

  return (
    <div className="flex max-w-2xl flex-col gap-4">
      <h1 className="text-2xl font-semibold tracking-tight">
        {person.name}
        {person.active ? null : <span className="ml-2 rounded bg-slate-200 px-2 py-0.5 text-sm font-normal">{t("person.inactive")}</span>}
      </h1>
      <Card>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
          <dt className="text-slate-600">{t("person.role")}</dt>
          <dd>{t(`roles.${person.role}`)}</dd>
          {person.title ? (
            <>
              <dt className="text-slate-600">{t("person.jobTitle")}</dt>
              <dd>{person.title}</dd>
            </>
          ) : null}
          <dt className="text-slate-600">{t("person.email")}</dt>
          <dd>
            <a href={`mailto:${person.email}`} className="text-brand-700 underline-offset-2 hover:underline">
              {person.email}
            </a>
          </dd>
          <dt className="text-slate-600">{t("person.team")}</dt>
          <dd>{person.team?.name ?? t("person.none")}</dd>
          <dt className="text-slate-600">{t("person.manager")}</dt>
          <dd>{person.manager ? <PersonLink orgSlug={orgSlug} person={person.manager} /> : t("person.none")}</dd>
          <dt className="text-slate-600">{t("person.reports")}</dt>
          <dd>
            {person.reports.length > 0 ? (
              <ul>
                {person.reports.map((report) => (
                  <li key={report.membershipId}>
                    <PersonLink orgSlug={orgSlug} person={report} />
                  </li>
                ))}
              </ul>
            ) : (
              t("person.none")
            )}
          </dd>
        </dl>
      </Card>
    </div>
  );
}
