import type { Locale, Role } from "../../src/server/db/generated/enums";
import { demoAccount } from "./demo-accounts";

/**
 * The demo organisations as plain data. Rows refer to each other by natural keys (a user's
 * e-mail, a team's name) so that this stays free of database ids and identical on every run.
 */

export type DemoUser = { email: string; name: string };

export type DemoTeam = {
  /** Unique within its organisation. */
  name: string;
  parentName: string | null;
  leadEmails: string[];
};

export type DemoMembership = {
  userEmail: string;
  role: Role;
  title: string;
  teamName: string | null;
  managerEmail: string | null;
};

export type DemoPeriod = {
  name: string;
  /** ISO dates (yyyy-mm-dd), inclusive. */
  startDate: string;
  endDate: string;
  isCurrent: boolean;
};

export type DemoOrganization = {
  slug: string;
  name: string;
  locale: Locale;
  teams: DemoTeam[];
  /** Every manager comes before the people reporting to them. */
  memberships: DemoMembership[];
  periods: DemoPeriod[];
};

export type DemoData = { users: DemoUser[]; organizations: DemoOrganization[] };

export const EXEMPEL_SLUG = "exempel-ab";
export const DEMO_LTD_SLUG = "demo-ltd";

// Changing the seed reshuffles every generated person; screenshots and e2e specs may rely on them.
const PRNG_SEED = 20_260_101;

function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const FIRST_NAMES = [
  "Anna", "Erik", "Karin", "Lars", "Maria", "Johan", "Sara", "Anders", "Emma", "Mikael",
  "Linnea", "Fredrik", "Sofia", "Henrik", "Ida", "Oskar", "Maja", "Gustav", "Ebba", "Viktor",
  "Frida", "Jonas", "Klara", "Daniel", "Hanna", "Per", "Matilda", "Niklas", "Ingrid", "Axel",
  "Alva", "Björn", "Saga", "Olof", "Tove", "Emil", "Wilma", "Nils", "Agnes", "Petter",
  "Stina", "Jakob", "Lovisa", "Mattias", "Cecilia", "Rasmus", "Josefin", "Åsa", "Göran", "Moa",
];

const LAST_NAMES = [
  "Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson", "Persson",
  "Svensson", "Gustafsson", "Pettersson", "Jonsson", "Hansson", "Bengtsson", "Jönsson", "Lindberg",
  "Jakobsson", "Magnusson", "Lindström", "Olofsson", "Lindgren", "Axelsson", "Bergström", "Lundberg",
  "Lundgren", "Berglund", "Mattsson", "Fredriksson", "Sandberg", "Henriksson", "Forsberg", "Sjögren",
  "Wallin", "Engström", "Danielsson", "Håkansson", "Lundin", "Gunnarsson", "Holm", "Nyström",
  "Holmberg", "Åberg", "Strand", "Hedlund", "Söderberg",
];

/** "Åsa Söderberg" → "asa.soderberg": e-mail local parts stay ASCII. */
function emailLocalPart(name: string): string {
  return name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .split(/\s+/)
    .map((part) => part.replace(/[^a-z0-9-]/g, ""))
    .join(".");
}

type TeamPlan = {
  name: string;
  leadTitle: string;
  /** Employees beside the lead, fixed members included. */
  size: number;
  titles: string[];
  leadEmail?: string;
  fixedMembers?: { email: string; title: string }[];
};

type DepartmentPlan = { name: string; headTitle: string; teams: TeamPlan[] };

const ADMIN_EMAIL = "admin@exempel.se";
const HR_EMAIL = "hr@exempel.se";
const MANAGER_EMAIL = "chef@exempel.se";
const EMPLOYEE_EMAIL = "medarbetare@exempel.se";

const DEPARTMENTS: DepartmentPlan[] = [
  {
    name: "Försäljning",
    headTitle: "Försäljningsdirektör",
    teams: [
      { name: "Försäljning Nord", leadTitle: "Säljchef Nord", size: 6, titles: ["Säljare", "Kundansvarig säljare", "Innesäljare"] },
      { name: "Kundframgång", leadTitle: "Chef kundframgång", size: 4, titles: ["Kundframgångsansvarig", "Supportspecialist"] },
      { name: "Marknad", leadTitle: "Marknadschef", size: 3, titles: ["Marknadskoordinator", "Innehållsstrateg", "Digital marknadsförare"] },
    ],
  },
  {
    name: "Produkt och teknik",
    headTitle: "Teknikchef",
    teams: [
      {
        name: "Plattform",
        leadTitle: "Teamchef plattform",
        size: 6,
        titles: ["Systemutvecklare", "Senior systemutvecklare", "Driftingenjör"],
        leadEmail: MANAGER_EMAIL,
        fixedMembers: [{ email: EMPLOYEE_EMAIL, title: "Systemutvecklare" }],
      },
      { name: "Mobilappar", leadTitle: "Teamchef mobilappar", size: 5, titles: ["Apputvecklare", "UX-designer", "Testare"] },
      { name: "Data och analys", leadTitle: "Analyschef", size: 4, titles: ["Dataanalytiker", "Dataingenjör"] },
    ],
  },
  {
    name: "Verksamhetsstöd",
    headTitle: "Chef verksamhetsstöd",
    teams: [
      {
        name: "HR",
        leadTitle: "HR-chef",
        size: 3,
        titles: ["HR-specialist", "Lönespecialist"],
        fixedMembers: [{ email: HR_EMAIL, title: "HR-partner" }],
      },
      { name: "Ekonomi", leadTitle: "Ekonomichef", size: 3, titles: ["Redovisningsekonom", "Controller"] },
    ],
  },
];

function period(name: string, startDate: string, endDate: string, isCurrent = false): DemoPeriod {
  return { name, startDate, endDate, isCurrent };
}

function buildExempel(users: Map<string, DemoUser>): DemoOrganization {
  const random = mulberry32(PRNG_SEED);
  const shuffled = <T>(items: readonly T[]): T[] => {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy;
  };

  const fixedUser = (email: string) => {
    const { name } = demoAccount(email, EXEMPEL_SLUG);
    users.set(email, { email, name });
    return email;
  };
  // Drawn without replacement, so no two people share a first or a last name and pickers
  // in the demo stay unambiguous; the fixed people's names are kept out of the draw.
  const fixedNames = [ADMIN_EMAIL, HR_EMAIL, MANAGER_EMAIL, EMPLOYEE_EMAIL].map((e) => demoAccount(e, EXEMPEL_SLUG).name);
  const fixedFirst = new Set(fixedNames.map((n) => n.split(" ")[0]));
  const fixedLast = new Set(fixedNames.map((n) => n.split(" ").at(-1)));
  const firstNames = shuffled(FIRST_NAMES.filter((n) => !fixedFirst.has(n)));
  const lastNames = shuffled(LAST_NAMES.filter((n) => !fixedLast.has(n)));
  const newPerson = (): string => {
    const first = firstNames.pop();
    const last = lastNames.pop();
    if (!first || !last) throw new Error("Demo data: the name lists are too short for the planned head count");
    const name = `${first} ${last}`;
    const email = `${emailLocalPart(name)}@exempel.se`;
    // Distinct first names already give distinct e-mails; this guards a future list edit (Åsa/Asa fold alike).
    if (users.has(email)) throw new Error(`Demo data: duplicate e-mail ${email}`);
    users.set(email, { email, name });
    return email;
  };

  const teams: DemoTeam[] = [];
  const memberships: DemoMembership[] = [];
  const ceo = fixedUser(ADMIN_EMAIL);
  memberships.push({ userEmail: ceo, role: "ADMIN", title: "Vd", teamName: null, managerEmail: null });

  for (const department of DEPARTMENTS) {
    const head = newPerson();
    teams.push({ name: department.name, parentName: null, leadEmails: [head] });
    memberships.push({ userEmail: head, role: "MANAGER", title: department.headTitle, teamName: department.name, managerEmail: ceo });

    for (const team of department.teams) {
      const lead = team.leadEmail ? fixedUser(team.leadEmail) : newPerson();
      teams.push({ name: team.name, parentName: department.name, leadEmails: [lead] });
      memberships.push({ userEmail: lead, role: "MANAGER", title: team.leadTitle, teamName: team.name, managerEmail: head });

      for (const fixed of team.fixedMembers ?? []) {
        const email = fixedUser(fixed.email);
        const { role } = demoAccount(email, EXEMPEL_SLUG);
        memberships.push({ userEmail: email, role, title: fixed.title, teamName: team.name, managerEmail: lead });
      }
      for (let i = team.fixedMembers?.length ?? 0; i < team.size; i++) {
        const email = newPerson();
        // Round robin, so the team's first-listed title is its most common one.
        const title = team.titles[i % team.titles.length]!;
        memberships.push({ userEmail: email, role: "EMPLOYEE", title, teamName: team.name, managerEmail: lead });
      }
    }
  }

  return {
    slug: EXEMPEL_SLUG,
    name: "Exempel AB",
    locale: "sv",
    teams,
    memberships,
    periods: [
      period("2026", "2026-01-01", "2026-12-31", true),
      period("2027", "2027-01-01", "2027-12-31"),
      period("2027 H1", "2027-01-01", "2027-06-30"),
    ],
  };
}

function buildDemoLtd(users: Map<string, DemoUser>): DemoOrganization {
  const opsEmail = "ops@demo-ltd.example";
  const people: DemoUser[] = [
    { email: "grace.turner@demo-ltd.example", name: "Grace Turner" },
    { email: "amelia.clarke@demo-ltd.example", name: "Amelia Clarke" },
    { email: opsEmail, name: demoAccount(opsEmail, DEMO_LTD_SLUG).name },
    { email: "jack.robinson@demo-ltd.example", name: "Jack Robinson" },
  ];
  for (const person of people) users.set(person.email, person);
  // The shared user already exists through Exempel AB; only a second membership is added.
  const shared = demoAccount(MANAGER_EMAIL, DEMO_LTD_SLUG).email;
  const team = "Operations";

  return {
    slug: DEMO_LTD_SLUG,
    name: "Demo Ltd",
    locale: "en",
    teams: [{ name: team, parentName: null, leadEmails: ["grace.turner@demo-ltd.example"] }],
    memberships: [
      { userEmail: shared, role: "ADMIN", title: "Managing Director", teamName: null, managerEmail: null },
      { userEmail: "grace.turner@demo-ltd.example", role: "MANAGER", title: "Operations Manager", teamName: team, managerEmail: shared },
      { userEmail: "amelia.clarke@demo-ltd.example", role: "HR", title: "People Partner", teamName: team, managerEmail: shared },
      { userEmail: opsEmail, role: "EMPLOYEE", title: "Operations Coordinator", teamName: team, managerEmail: "grace.turner@demo-ltd.example" },
      { userEmail: "jack.robinson@demo-ltd.example", role: "EMPLOYEE", title: "Logistics Analyst", teamName: team, managerEmail: "grace.turner@demo-ltd.example" },
    ],
    periods: [period("2026", "2026-01-01", "2026-12-31", true)],
  };
}

/** The complete demo data set; pure and identical on every call. */
export function buildDemoData(): DemoData {
  const users = new Map<string, DemoUser>();
  const organizations = [buildExempel(users), buildDemoLtd(users)];
  return { users: [...users.values()], organizations };
}
