"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { useTRPC } from "@/lib/trpc/client";

/** A text field of a submitted form ("" when absent). */
export function formText(data: FormData, name: string): string {
  const value = data.get(name);
  return typeof value === "string" ? value : "";
}

/** After a change to a team: the admin tree, the people pickers and the org chart reload. */
export function useRefreshTeams() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useCallback(
    () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: trpc.team.pathKey() }),
        queryClient.invalidateQueries({ queryKey: trpc.orgChart.pathKey() }),
      ]),
    [queryClient, trpc],
  );
}
