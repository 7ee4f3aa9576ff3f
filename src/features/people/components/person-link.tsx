import Link from "next/link";

export function PersonLink({ orgSlug, person }: { orgSlug: string; person: { membershipId: string; name: string } }) {
  return (
    <Link href={`/o/${orgSlug}/people/${person.membershipId}`} className="text-brand-700 underline-offset-2 hover:underline">
      {person.name}
    </Link>
  );
}
