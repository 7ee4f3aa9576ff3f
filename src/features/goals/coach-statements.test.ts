import { describe, expect, it } from "vitest";
import { assessStatement } from "./coach";

// [statement, actionFirst, measurableResult, deadline] — written for these tests, not taken from the seed.
type Row = [string, boolean, boolean, boolean];

const SWEDISH: Row[] = [
  // good full statements
  ["Ringa tio nya kunder i veckan för att uppnå 40 bokade möten innan 30 juni 2027", true, true, true],
  ["Genomföra fem kundworkshoppar för att höja nöjdheten till 85 % före 31 mars 2027", true, true, true],
  ["Implementera en ny introduktion för att korta startsträckan till 14 dagar innan 2027", true, true, true],
  ["Digitalisera fakturaflödet för att spara 200 timmar innan kvartal 2", true, true, true],
  ["Anordna fyra frukostmöten med kunder under 2027", true, true, true],
  ["Sälja 2000 licenser under 2027", true, true, true],
  // "Att …", "Genom att …", leading quotes and whitespace, imperatives
  ["Att genomföra tre pilotprojekt innan årsskiftet", true, true, true],
  ["  Att ringa femtio kunder innan den 1 april 2027", true, true, true],
  ["”Genomföra 8 kundintervjuer” senast den 15 maj", true, true, true],
  ["Genom att ringa tjugo kunder i veckan boka 40 möten till Q3", true, true, true],
  ["Skriv en rapport om kundflödet till vecka 12", true, false, true],
  ["Genomför 20 säljsamtal innan v. 23", true, true, true],
  // short verbs
  ["Nå 95 % leveransprecision till halvårsskiftet", true, true, true],
  ["Ha 40 aktiva kunder vid årets slut", true, true, true],
  ["Se över alla avtal med leverantörer före sommaren", true, false, true],
  ["Ta fram en ny prismodell under tredje kvartalet", true, false, true],
  // direction verbs and their inflections
  ["Öka försäljningen med 10 % innan december", false, true, true],
  ["Ökad kundnöjdhet inom sex månader", false, false, true],
  ["Höja svarsfrekvensen till 70 procent senast vecka 40", false, true, true],
  ["Sänkt sjukfrånvaro till 4 % under 2027", false, true, true],
  ["Minskade ledtider", false, false, false],
  ["Förbättra introduktionen av nyanställda", false, false, false],
  ["Ökning av antalet aktiva användare med 300 till nästa år", false, true, true],
  ["Minska reklamationerna med hälften till Q3", false, true, true],
  ["Effektivisera lagerhanteringen med 15 %", false, true, false],
  ["Halvera antalet fel innan midsommar", false, false, true],
  ["Bli bättre på att ge feedback", false, false, false],
  ["Utöka teamet med två utvecklare", false, true, false],
  ["Öka antalet bokade möten", false, false, false],
  // noun phrases and subjects
  ["Kundnöjdheten ska öka till 90 % innan 2027-12-31", false, true, true],
  ["Försäljningen ökar med 5 % per månad", false, true, false],
  ["Vi ska genomföra 12 kundbesök innan sommaren", false, true, true],
  ["Jag kommer att läsa tre böcker om ledarskap under hösten", false, true, true],
  ["Fler nöjda kunder", false, false, false],
  ["Nöjdare medarbetare till nästa år", false, false, true],
  ["Våra kunder ska bli nöjdare", false, false, false],
  ["Bättre rutiner för fakturering", false, false, false],
  ["10 nya kunder innan jul", false, true, true],
  // cadence is not a deadline; articles are not quantities
  ["Hålla ett medarbetarsamtal varje månad", true, false, false],
  ["Boka en avstämning med teamet varannan vecka", true, false, false],
  ["Ringa 15 kunder om dagen", true, true, false],
  ["Arrangera en kundträff två gånger per kvartal", true, true, false],
  ["Mäta kundnöjdheten varje kvartal med en enkät", true, false, false],
  ["Publicera två artiklar i månaden under första halvåret 2027", true, true, true],
  // numbers that only date the goal
  ["Leverera den nya webbplatsen inom nio månader", true, false, true],
  ["Genomföra en medarbetarenkät i vecka 45 2027", true, false, true],
  ["Lansera appen senast 2027-06-30", true, false, true],
  ["Utbilda samtliga säljare i förhandling senast 31/3", true, false, true],
  ["Lära mig grunderna i SQL inom tre månader", true, false, true],
  ["Följa upp alla offerter inom en vecka", true, false, true],
  // dates, weeks, quarters, half-years, years, spans
  ["Införa ett nytt ärendesystem i juni", true, false, true],
  ["Starta tre nya team före 1 september", true, true, true],
  ["Kontakta trettio tidigare kunder före Q4 2027", true, true, true],
  ["Rekrytera tre nya medarbetare till hösten", true, true, true],
  ["Skapa en kunskapsbank med 50 artiklar om tolv veckor", true, true, true],
  ["Testa den nya kassan i tre butiker under de kommande två kvartalen", true, true, true],
  ["Kunna leda en workshop på egen hand före höstterminen", true, false, true],
  ["Besöka alla butiker i år", true, false, true],
  ["Lansera appen innan kvartalets slut", true, false, true],
  ["Dokumentera rutinerna för att halvera felen till 2027-06-30", true, false, true],
  ["Analysera kundenkäten och presentera resultatet för ledningen", true, false, false],
  ["Starta en mentorsgrupp i vår verksamhet", true, false, false],
  ["Lösa 3/4 av ärendena vid första kontakten", true, true, false],
];

const ENGLISH: Row[] = [
  // good full statements
  ["Call ten new customers a week to achieve 40 booked meetings by 30 June 2027", true, true, true],
  ["Run five customer workshops to raise satisfaction to 85% by March 31, 2027", true, true, true],
  ["Automate invoice handling to save 200 hours by the end of Q2", true, true, true],
  ["Organise four breakfast meetings with customers in 2027", true, true, true],
  ["Sell 2000 licences during 2027", true, true, true],
  ["Interview 20 users in May", true, true, true],
  // "To …", "By …ing", leading quotes
  ["To complete three pilot projects by the end of the year", true, true, true],
  ['"Conduct 8 customer interviews" by May 15', true, true, true],
  ["By calling ten customers a week, book 40 meetings by Q3", true, true, true],
  ["  Ship version 2 by 1 May", true, true, true],
  // short verbs
  ["Reach 95% on-time delivery by mid-year", true, true, true],
  ["Have 40 active customers at year-end", true, true, true],
  ["Develop a new pricing model during the third quarter", true, false, true],
  // direction verbs and their inflections
  ["Increase sales by 10% by December", false, true, true],
  ["Increased customer satisfaction within six months", false, false, true],
  ["Raise the response rate to 70 percent by week 40", false, true, true],
  ["Reducing sick leave to 4% during 2027", false, true, true],
  ["Improved onboarding", false, false, false],
  ["Cut costs by half in Q3", false, true, true],
  ["Optimise warehouse handling by 15%", false, true, false],
  ["Halve the number of errors before Christmas", false, false, true],
  ["Become better at giving feedback", false, false, false],
  ["Expand the team with two developers", false, true, false],
  ["Increase the number of booked meetings", false, false, false],
  ["Grow revenue from 2 to 3 million by the end of 2027", false, true, true],
  ["Improvements in delivery precision", false, false, false],
  // noun phrases and subjects
  ["Revenue should grow by 15% before 2027-12-31", false, true, true],
  ["Sales grow 5% per month", false, true, false],
  ["Customer satisfaction will increase", false, false, false],
  ["We will run 12 customer visits before the summer", false, true, true],
  ["I'm going to read three books on leadership this autumn", false, true, true],
  ["More happy customers", false, false, false],
  ["Happier employees by next year", false, false, true],
  ["Our customers should become happier", false, false, false],
  ["Better invoicing routines", false, false, false],
  ["10 new customers by Christmas", false, true, true],
  ["Users may need training", false, false, false],
  // cadence is not a deadline; articles are not quantities
  ["Hold a one-to-one every month", true, false, false],
  ["Book a check-in with the team every other week", true, false, false],
  ["Call 15 customers a day", true, true, false],
  ["Arrange a customer event twice per quarter", true, false, false],
  ["Measure customer satisfaction each quarter with a survey", true, false, false],
  ["Publish two articles a month in the first half of 2027", true, true, true],
  ["Hold weekly stand-ups for 6 months", true, false, true],
  // numbers that only date the goal
  ["Deliver the new website within nine months", true, false, true],
  ["Write a report on customer flow by week 12", true, false, true],
  ["Launch the app by 2027-06-30", true, false, true],
  ["Train all sales staff in negotiation by 31/3", true, false, true],
  ["Learn the basics of SQL in three months", true, false, true],
  ["Follow up every quote within a week", true, false, true],
  ["Migrate the CRM within 90 days", true, false, true],
  // dates, weeks, quarters, half-years, years, spans
  ["Launch the new ticketing system in June", true, false, true],
  ["Start three new teams before 1 September", true, true, true],
  ["Contact thirty former customers before Q4 2027", true, true, true],
  ["Recruit three new colleagues by the autumn", true, true, true],
  ["Create a knowledge base with 50 articles in twelve weeks", true, true, true],
  ["Test the new checkout in three stores over the next two quarters", true, true, true],
  ["Visit every store this year", true, false, true],
  ["Run the survey in H2 2027", true, false, true],
  ["Resolve 3/4 of the tickets at first contact", true, true, false],
  ["Analyse the customer survey and present the results to management", true, false, false],
];

function check(locale: "sv" | "en", rows: Row[]) {
  it(`has at least 40 statements`, () => expect(rows.length).toBeGreaterThanOrEqual(40));
  it.each(rows)("%s", (text, actionFirst, measurableResult, deadline) => {
    const result = assessStatement(text, locale);
    expect({ actionFirst: result.actionFirst, measurableResult: result.measurableResult, deadline: result.deadline }).toEqual({
      actionFirst,
      measurableResult,
      deadline,
    });
  });
}

describe("assessStatement — Swedish", () => check("sv", SWEDISH));
describe("assessStatement — English", () => check("en", ENGLISH));

describe("assessStatement — edge cases", () => {
  it("answers all false for empty text, in both languages", () => {
    for (const locale of ["sv", "en"] as const) {
      for (const text of ["", "   ", "\n\t", "”  ”"]) {
        const result = assessStatement(text, locale);
        expect([result.actionFirst, result.measurableResult, result.deadline]).toEqual([false, false, false]);
      }
    }
  });
});
