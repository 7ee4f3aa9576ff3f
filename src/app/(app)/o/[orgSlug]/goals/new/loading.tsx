import { getTranslations } from "next-intl/server";
import { EditorSkeleton } from "@/features/goals/components/editor/editor-skeleton";

export default async function Loading() {
  return <EditorSkeleton label={(await getTranslations("goalEditor"))("loading")} />;
}
