"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { CADENCES, GOAL_STEPS_MAX } from "@/features/goals/goals.schema";
import { Button } from "@/ui/button";
import { SelectField, TextField } from "@/ui/field";
import { useDayFormat } from "../use-goal-format";
import { emptyStep, moveItem } from "./form";
import type { EditorPeriod, StepProps } from "./types";

type Props = StepProps & { period: EditorPeriod | null };

/** T: start and due date inside the period, the follow-up cadence, and the action plan. */
export function StepTime({ form, update, errorsOf, period }: Props) {
  const t = useTranslations("goalEditor.t");
  const tGoals = useTranslations("goals");
  const day = useDayFormat();

  return (
    <div className="flex flex-col gap-6">
      <p className="rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm text-slate-700" data-testid="period-dates">
        {period ? t("periodDates", { name: period.name, start: day(period.startDate), end: day(period.endDate) }) : t("noPeriod")}
      </p>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label={t("startDate")}
          name="startDate"
          type="date"
          value={form.startDate}
          min={period?.startDate}
          max={period?.endDate}
          onChange={(event) => update("startDate", event.target.value)}
          errors={errorsOf("startDate")}
        />
        <TextField
          label={t("dueDate")}
          hint={t("dueDateHint")}
          name="dueDate"
          type="date"
          value={form.dueDate}
          min={form.startDate || period?.startDate}
          max={period?.endDate}
          onChange={(event) => update("dueDate", event.target.value)}
          errors={errorsOf("dueDate")}
        />
      </div>
      <SelectField
        label={t("cadence")}
        hint={t("cadenceHint")}
        name="cadence"
        value={form.cadence}
        onChange={(event) => update("cadence", event.target.value as typeof form.cadence)}
        errors={errorsOf("cadence")}
      >
        <option value="">{t("cadenceDefault")}</option>
        {CADENCES.map((cadence) => (
          <option key={cadence} value={cadence}>
            {tGoals(`cadence.${cadence}`)}
          </option>
        ))}
      </SelectField>
      <ActionPlan form={form} update={update} errorsOf={errorsOf} period={period} />
    </div>
  );
}

type FocusRequest = { key: string; control: "title" | "up" | "down" | "add" };

function ActionPlan({ form, update, errorsOf, period }: Props) {
  const t = useTranslations("goalEditor.t");
  const list = useRef<HTMLOListElement>(null);
  const addRow = useRef<HTMLDivElement>(null);
  const pendingFocus = useRef<FocusRequest | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const steps = form.steps;
  const planErrors = errorsOf("steps") ?? [];

  // after a move, add or remove, keep the keyboard where the person was
  useEffect(() => {
    const focus = pendingFocus.current;
    if (!focus) return;
    pendingFocus.current = null;
    if (focus.control === "add") addRow.current?.querySelector("button")?.focus();
    else list.current?.querySelector<HTMLElement>(`[data-step="${focus.key}"][data-control="${focus.control}"]`)?.focus();
  });

  const setFocusTo = (request: FocusRequest) => {
    pendingFocus.current = request;
  };

  function move(index: number, by: -1 | 1) {
    const step = steps[index];
    if (!step) return;
    const moved = moveItem(steps, index, by);
    update("steps", moved);
    const to = index + by;
    // at the ends the button that moved it is disabled: hand focus to the other direction
    const control = (by === -1 && to === 0) || (by === 1 && to === steps.length - 1) ? (by === -1 ? "down" : "up") : by === -1 ? "up" : "down";
    setFocusTo({ key: step.key, control });
    setAnnouncement(t("moved", { from: index + 1, to: to + 1 }));
  }

  function remove(index: number) {
    const next = steps.filter((_, position) => position !== index);
    update("steps", next);
    const neighbour = next[index] ?? next[index - 1];
    setFocusTo(neighbour ? { key: neighbour.key, control: "title" } : { key: "", control: "add" });
  }

  function add() {
    const step = emptyStep();
    update("steps", [...steps, step]);
    setFocusTo({ key: step.key, control: "title" });
  }

  function change(index: number, patch: { title?: string; dueDate?: string }) {
    update(
      "steps",
      steps.map((step, position) => (position === index ? { ...step, ...patch } : step)),
    );
  }

  return (
    <fieldset className="flex flex-col gap-3">
      <legend className="mb-1 text-sm font-medium text-slate-800">{t("plan")}</legend>
      <p className="-mt-1 text-xs text-slate-600">{t("planHint")}</p>
      {planErrors.length > 0 ? <p className="text-sm text-red-700">{planErrors.join(" ")}</p> : null}
      {steps.length === 0 ? <p className="text-sm text-slate-600">{t("planEmpty")}</p> : null}
      <ol ref={list} className="flex flex-col gap-3" data-testid="action-plan">
        {steps.map((step, index) => {
          const number = index + 1;
          return (
            <li key={step.key} className="rounded-md border border-slate-200 bg-white p-3 shadow-sm" data-testid="plan-step">
              <div className="grid gap-3 sm:grid-cols-[minmax(0,1fr)_10rem] sm:items-start lg:grid-cols-[minmax(0,1fr)_10rem_auto]">
                <TextField
                  label={t("stepTitle", { number })}
                  value={step.title}
                  onChange={(event) => change(index, { title: event.target.value })}
                  data-step={step.key}
                  data-control="title"
                  autoComplete="off"
                  errors={errorsOf(`steps.${step.key}.title`)}
                />
                <TextField
                  label={t("stepDue")}
                  type="date"
                  value={step.dueDate}
                  min={form.startDate || period?.startDate}
                  max={form.dueDate || period?.endDate}
                  onChange={(event) => change(index, { dueDate: event.target.value })}
                  errors={errorsOf(`steps.${step.key}.dueDate`)}
                />
                <div className="flex flex-wrap items-center gap-1 sm:col-span-2 lg:col-span-1 lg:mt-6">
                  {step.done ? <span className="mr-auto rounded bg-emerald-100 px-2 py-0.5 text-xs font-medium text-emerald-800">{t("stepDone")}</span> : null}
                  <div className="ml-auto flex flex-wrap gap-1">
                    <Button
                      type="button"
                      variant="ghost"
                      className="px-2 py-1"
                      aria-label={t("moveUp", { number })}
                      title={t("moveUp", { number })}
                      disabled={index === 0}
                      data-step={step.key}
                      data-control="up"
                      onClick={() => move(index, -1)}
                    >
                      <span aria-hidden>↑</span>
                    </Button>
                    <Button
                      type="button"
                      variant="ghost"
                      className="px-2 py-1"
                      aria-label={t("moveDown", { number })}
                      title={t("moveDown", { number })}
                      disabled={index === steps.length - 1}
                      data-step={step.key}
                      data-control="down"
                      onClick={() => move(index, 1)}
                    >
                      <span aria-hidden>↓</span>
                    </Button>
                    <Button
                      type="button"
                      variant="ghost"
                      className="px-2 py-1 text-red-700 hover:bg-red-50"
                      aria-label={t("removeStep", { number })}
                      onClick={() => remove(index)}
                    >
                      {t("remove")}
                    </Button>
                  </div>
                </div>
              </div>
            </li>
          );
        })}
      </ol>
      <p className="sr-only" role="status" aria-live="polite">
        {announcement}
      </p>
      <div ref={addRow} className="flex flex-wrap items-center gap-3">
        <Button type="button" variant="secondary" onClick={add} disabled={steps.length >= GOAL_STEPS_MAX}>
          {t("addStep")}
        </Button>
        {steps.length >= GOAL_STEPS_MAX ? <span className="text-sm text-slate-600">{t("maxSteps", { max: GOAL_STEPS_MAX })}</span> : null}
      </div>
    </fieldset>
  );
}
