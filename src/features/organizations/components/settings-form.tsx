"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useSyncExternalStore, type FormEvent, type ReactNode } from "react";
import { LOCALES } from "@/i18n/config";
import { useErrorMessage } from "@/i18n/use-error-message";
import { useTRPC } from "@/lib/trpc/client";
import { toClientError, type ClientError, fieldErrorsOf, type FieldErrors } from "@/lib/trpc/errors";
import { Button } from "@/ui/button";
import { Alert } from "@/ui/card";
import { SelectField, TextField } from "@/ui/field";
import { SectionHeader, Skeleton } from "@/ui/page-parts";
import { FOLLOW_UP_CADENCES, SETTING_LIMITS } from "../settings";
import { ZSettingsFields, type OrganizationSettingsView, type SettingsFields } from "../settings.schema";

const NUMBER_FIELDS = [
  "maxActiveGoalsPerPerson",
  "onTrackMarginPoints",
  "atRiskMarginPoints",
  "lowConfidenceAtOrBelow",
  "staleAfterCadences",
] as const;
type NumberField = (typeof NUMBER_FIELDS)[number];

/** What the inputs hold: text, so a half-typed "1," or an empty field is kept as typed. */
type FormValues = Omit<SettingsFields, NumberField> & Record<NumberField, string>;

const noSubscription = () => () => undefined;
const browserOrigin = () => window.location.origin;
const noOrigin = () => "";

/** "1,5" and "1.5" both read as 1.5; an empty field is not a number (not 0). */
function readNumber(text: string): number {
  const trimmed = text.trim().replace(",", ".");
  return trimmed === "" ? Number.NaN : Number(trimmed);
}

export function SettingsForm({ orgSlug, justSaved }: { orgSlug: string; justSaved: boolean }) {
  const t = useTranslations("settings");
  const trpc = useTRPC();
  const query = useQuery(trpc.organization.getSettings.queryOptions({ orgSlug }));
  // kept here: a save installs the new version, which starts the form below afresh
  const [saved, setSaved] = useState(justSaved);

  return (
    <div className="flex flex-col gap-6">
      <SectionHeader title={t("title")} description={t("lead")} />
      {query.isPending ? (
        <Skeleton label={t("loading")} rows={8} />
      ) : query.isError ? (
        <Alert>
          {t("loadFailed")}{" "}
          <button type="button" className="font-medium underline" onClick={() => void query.refetch()}>
            {t("retry")}
          </button>
        </Alert>
      ) : (
        // a new version from the server (after "load the latest values") starts the form afresh
        <LoadedSettingsForm key={query.data.updatedAt.toISOString()} orgSlug={orgSlug} loaded={query.data} saved={saved} setSaved={setSaved} />
      )}
    </div>
  );
}

function LoadedSettingsForm({
  orgSlug,
  loaded,
  saved,
  setSaved,
}: {
  orgSlug: string;
  loaded: OrganizationSettingsView;
  saved: boolean;
  setSaved: (saved: boolean) => void;
}) {
  const t = useTranslations("settings");
  const tLocales = useTranslations("locales");
  const format = useFormatter();
  const errorMessage = useErrorMessage();
  const router = useRouter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const save = useMutation(trpc.organization.updateSettings.mutationOptions());

  const asText = (value: number) => format.number(value, { maximumFractionDigits: 2, useGrouping: false });
  const toForm = (view: OrganizationSettingsView): FormValues => ({
    name: view.name,
    slug: view.slug,
    locale: view.locale,
    defaultCadence: view.settings.defaultCadence,
    maxActiveGoalsPerPerson: asText(view.settings.maxActiveGoalsPerPerson),
    onTrackMarginPoints: asText(view.settings.onTrackMarginPoints),
    atRiskMarginPoints: asText(view.settings.atRiskMarginPoints),
    lowConfidenceAtOrBelow: asText(view.settings.lowConfidenceAtOrBelow),
    staleAfterCadences: asText(view.settings.staleAfterCadences),
  });

  const [values, setValues] = useState<FormValues>(() => toForm(loaded));
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<{ text: string; stale: boolean } | null>(null);
  // the address preview needs the browser's origin, which the server render does not know
  const origin = useSyncExternalStore(noSubscription, browserOrigin, noOrigin);

  const errorsOf = (field: keyof FormValues) => fieldErrors[field]?.map((key) => errorMessage(key));
  const set = (field: keyof FormValues) => (event: { target: { value: string } }) => {
    setSaved(false);
    setValues((current) => ({ ...current, [field]: event.target.value }));
  };

  function describe(error: ClientError): { text: string; stale: boolean } {
    if (error.messageKey === "settings.errors.conflict") {
      const at = format.dateTime(new Date(String(error.params.at)), { dateStyle: "medium", timeStyle: "short" });
      return { text: t("errors.conflict", { name: String(error.params.name), at }), stale: true };
    }
    return { text: errorMessage(error.messageKey, error.params), stale: error.messageKey === "settings.errors.conflictUnknown" };
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFormError(null);
    setSaved(false);
    const candidate = {
      name: values.name,
      slug: values.slug,
      locale: values.locale,
      defaultCadence: values.defaultCadence,
      ...Object.fromEntries(NUMBER_FIELDS.map((field) => [field, readNumber(values[field])])),
    };
    const parsed = ZSettingsFields.safeParse(candidate);
    if (!parsed.success) {
      setFieldErrors(fieldErrorsOf(parsed.error));
      return;
    }
    setFieldErrors({});
    try {
      const result = await save.mutateAsync({ orgSlug, ...parsed.data, updatedAt: loaded.updatedAt });
      if (result.slug !== orgSlug) {
        // a full load: every link on the page, and the layout around it, name the old address
        // eslint-disable-next-line @next/next/no-location-assign-relative-destination
        window.location.assign(`/o/${result.slug}/admin/settings?saved=1`);
        return;
      }
      setSaved(true);
      queryClient.setQueryData(trpc.organization.getSettings.queryKey({ orgSlug }), result);
      // the organisation's name and language appear in the layout around this page
      router.refresh();
    } catch (error) {
      const clientError = toClientError(error);
      setFieldErrors(clientError.fieldErrors);
      if (Object.keys(clientError.fieldErrors).length === 0) setFormError(describe(clientError));
    }
  }

  async function reloadLatest() {
    setFormError(null);
    await queryClient.invalidateQueries({ queryKey: trpc.organization.getSettings.queryKey({ orgSlug }) });
  }

  const slugPreview = values.slug.trim().toLowerCase();
  const limits = SETTING_LIMITS.maxActiveGoalsPerPerson;
  const numberInput = (field: NumberField, whole: boolean) => ({
    name: field,
    value: values[field],
    onChange: set(field),
    inputMode: whole ? ("numeric" as const) : ("decimal" as const),
    autoComplete: "off",
    errors: errorsOf(field),
  });

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-6">
      <FormSection id="organization" title={t("sections.organization.title")} description={t("sections.organization.description")}>
        <TextField label={t("fields.name")} value={values.name} onChange={set("name")} name="name" autoComplete="organization" required errors={errorsOf("name")} />
        <TextField
          label={t("fields.slug")}
          value={values.slug}
          onChange={set("slug")}
          name="slug"
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          required
          errors={errorsOf("slug")}
          hint={
            <>
              {t("fields.slugHint")}{" "}
              <span data-testid="slug-preview" className="mt-1 block break-all text-slate-800">
                {t("fields.slugPreview", { url: `${origin}/o/${slugPreview || "…"}` })}
              </span>
              {slugPreview !== loaded.slug ? <span className="mt-1 block text-amber-800">{t("fields.slugChange")}</span> : null}
            </>
          }
        />
        <SelectField label={t("fields.locale")} value={values.locale} onChange={set("locale")} name="locale" hint={t("fields.localeHint")} errors={errorsOf("locale")}>
          {LOCALES.map((option) => (
            <option key={option} value={option}>
              {tLocales(option)}
            </option>
          ))}
        </SelectField>
      </FormSection>

      <FormSection id="goals" title={t("sections.goals.title")} description={t("sections.goals.description")}>
        <TextField
          label={t("fields.maxActiveGoalsPerPerson")}
          hint={t("fields.maxActiveGoalsPerPersonHint", { min: limits.min, max: limits.max })}
          {...numberInput("maxActiveGoalsPerPerson", true)}
        />
        <SelectField
          label={t("fields.defaultCadence")}
          value={values.defaultCadence}
          onChange={set("defaultCadence")}
          name="defaultCadence"
          hint={t("fields.defaultCadenceHint")}
          errors={errorsOf("defaultCadence")}
        >
          {FOLLOW_UP_CADENCES.map((cadence) => (
            <option key={cadence} value={cadence}>
              {t(`cadences.${cadence}`)}
            </option>
          ))}
        </SelectField>
      </FormSection>

      <FormSection id="status" title={t("sections.status.title")} description={t("sections.status.description")}>
        <TextField label={t("fields.onTrackMarginPoints")} hint={t("fields.onTrackMarginPointsHint")} {...numberInput("onTrackMarginPoints", false)} />
        <TextField label={t("fields.atRiskMarginPoints")} hint={t("fields.atRiskMarginPointsHint")} {...numberInput("atRiskMarginPoints", false)} />
        <TextField label={t("fields.lowConfidenceAtOrBelow")} hint={t("fields.lowConfidenceAtOrBelowHint")} {...numberInput("lowConfidenceAtOrBelow", true)} />
        <TextField label={t("fields.staleAfterCadences")} hint={t("fields.staleAfterCadencesHint")} {...numberInput("staleAfterCadences", false)} />
      </FormSection>

      {formError ? (
        <Alert>
          {formError.text}
          {formError.stale ? (
            <>
              {" "}
              <button type="button" className="font-medium underline" onClick={() => void reloadLatest()}>
                {t("reload")}
              </button>
            </>
          ) : null}
        </Alert>
      ) : null}
      {saved ? <Alert tone="success">{t("saved")}</Alert> : null}
      <div>
        <Button type="submit" busy={save.isPending}>
          {save.isPending ? t("saving") : t("save")}
        </Button>
      </div>
    </form>
  );
}

function FormSection({ id, title, description, children }: { id: string; title: string; description: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`settings-${id}`} className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <h2 id={`settings-${id}`} className="text-base font-semibold text-slate-900">
        {title}
      </h2>
      <p className="mt-0.5 mb-4 text-sm text-slate-600">{description}</p>
      <div className="grid gap-4 md:grid-cols-2">{children}</div>
    </section>
  );
}
