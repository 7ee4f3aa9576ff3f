// The Swedish catalogue: one file per namespace, so each area owns its messages.
import common from "./sv/common.json";
import roles from "./sv/roles.json";
import locales from "./sv/locales.json";
import auth from "./sv/auth.json";
import shell from "./sv/shell.json";
import home from "./sv/home.json";
import person from "./sv/person.json";
import notFound from "./sv/notFound.json";
import errorPage from "./sv/errorPage.json";
import errors from "./sv/errors.json";
import admin from "./sv/admin.json";
import teams from "./sv/teams.json";
import people from "./sv/people.json";
import invitations from "./sv/invitations.json";
import csvImport from "./sv/csvImport.json";
import periods from "./sv/periods.json";
import settings from "./sv/settings.json";
import audit from "./sv/audit.json";
import orgChart from "./sv/orgChart.json";
import alignment from "./sv/alignment.json";
import goalEditor from "./sv/goalEditor.json";
import goals from "./sv/goals.json";
import coach from "./sv/coach.json";
import checkIns from "./sv/checkIns.json";
import goalProgress from "./sv/goalProgress.json";
import dueCheckIns from "./sv/dueCheckIns.json";
import orgDashboard from "./sv/orgDashboard.json";
import teamDashboard from "./sv/teamDashboard.json";
import reports from "./sv/reports.json";

const messages = { common, roles, locales, auth, shell, home, person, notFound, errorPage, errors, admin, teams, people, invitations, csvImport, periods, settings, audit, orgChart, coach, goals, goalEditor, alignment, checkIns, goalProgress, dueCheckIns, orgDashboard, teamDashboard, reports };

export default messages;
