"use client";

import Link from "next/link";
import { useParams } from "next/navigation";
import { buttonClasses } from "@/ui/button";

/** not-found pages get no params: the organisation comes from the address. */
export function GoalNotFoundLink({ label }: { label: string }) {
  const params = useParams<{ orgSlug?: string }>();
  return (
    <Link href={params.orgSlug ? `/o/${params.orgSlug}/goals` : "/"} className={buttonClasses("primary", "mt-2")}>
      {label}
    </Link>
  );
}
