"use client";

import { useFormatter } from "next-intl";
import type { ValueShape } from "../audit-display";

/** How one area names what its logged changes hold. */
export type ChangeValueLabels = {
  none: string;
  yes: string;
  no: string;
  listSeparator: string;
  field: (key: string) => string;
  /** a stored word (an enumeration value, a field name) as the reader should see it */
  value: (field: string, value: string) => string;
};

/** The old or new value of a logged change (audit log, goal history), formatted for the reader. */
export function ChangeValue({ field, shape, labels }: { field: string; shape: ValueShape; labels: ChangeValueLabels }) {
  const format = useFormatter();
  const text = (value: ValueShape): string => {
    switch (value.kind) {
      case "none":
        return labels.none;
      case "boolean":
        return value.value ? labels.yes : labels.no;
      case "number":
        return format.number(value.value);
      case "date":
        return format.dateTime(value.value, { dateStyle: "medium", timeZone: "UTC" });
      case "dateTime":
        return format.dateTime(value.value, { dateStyle: "medium", timeStyle: "short" });
      case "text":
        return labels.value(field, value.value);
      case "list":
        return value.items.map(text).join(labels.listSeparator);
      case "record":
        return value.entries.map(([key, item]) => `${labels.field(key)}: ${text(item)}`).join(", ");
    }
  };
  return <span className={shape.kind === "none" ? "text-slate-500" : "font-medium"}>{text(shape)}</span>;
}
