// Volunteer hours and training for funders: totals, by month and by source, and courses completed, over a period.
// Names no volunteer. Counted on the device, so it works offline.
import { useState } from 'react';
import { Link } from 'react-router';
import { londonDate } from '../../domain/london.ts';
import { hoursText, volunteerReport } from '../../domain/volunteerHours.ts';
import { useVolunteerReportInput } from '../../db/volunteers.ts';
import { Loading, Screen } from '../components/Screen.tsx';
import { SelectField } from '../components/form/index.ts';
import { useCurrentUser } from '../layout/useCurrentUser.ts';
import '../styles/volunteers.css';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const monthName = (month: string) => `${MONTHS[Number(month.slice(5, 7)) - 1] ?? ''} ${month.slice(0, 4)}`;

/** The periods offered: the calendar year, the financial year (from 1 April) and everything. */
function periods(today: string) {
  const year = Number(today.slice(0, 4));
  const aprilYear = today.slice(5) >= '04-01' ? year : year - 1;
  return [
    { value: 'year', label: `This year (from 1 January ${year})`, from: `${year}-01-01` },
    { value: 'financial', label: `This financial year (from 1 April ${aprilYear})`, from: `${aprilYear}-04-01` },
    { value: 'all', label: 'Everything recorded', from: '0000-01-01' },
  ];
}

export function VolunteerReportScreen() {
  const user = useCurrentUser();
  const input = useVolunteerReportInput();
  const today = londonDate(new Date());
  const choices = periods(today);
  const [period, setPeriod] = useState('year');
  if (user && user.role !== 'coordinator') {
    return (
      <Screen title="Volunteer hours and training">
        <p>This report counts the whole team’s records, which only coordinators hold.</p>
      </Screen>
    );
  }
  const from = (choices.find((choice) => choice.value === period) ?? choices[0])?.from ?? '0000-01-01';
  const report = input && volunteerReport(input, from, today);
  return (
    <Screen title="Volunteer hours and training" className="volunteer-screen">
      <p>
        For funders: no volunteer is named. <Link to="/reports">Back to Reports</Link>
      </p>
      <SelectField
        id="volunteer-report-period"
        label="Period"
        placeholder="Choose a period"
        choices={choices}
        value={period}
        onChange={(value) => setPeriod(value || 'year')}
      />
      {!report ? (
        <Loading />
      ) : (
        <>
          <section aria-labelledby="volunteer-report-hours" className="volunteer-section">
            <h2 id="volunteer-report-hours">Hours given</h2>
            <p>
              {hoursText(report.totals.total)} given by {report.volunteers}{' '}
              {report.volunteers === 1 ? 'volunteer' : 'volunteers'}.
            </p>
            <table className="volunteer-table">
              <caption>By what was done</caption>
              <tbody>
                <tr>
                  <th scope="row">Group sessions run</th>
                  <td>{hoursText(report.totals.sessions)}</td>
                </tr>
                <tr>
                  <th scope="row">Home visits and 1-2-1s</th>
                  <td>{hoursText(report.totals.visits)}</td>
                </tr>
                <tr>
                  <th scope="row">Other (entered)</th>
                  <td>{hoursText(report.totals.entered)}</td>
                </tr>
              </tbody>
            </table>
            {report.byMonth.length > 0 && (
              <table className="volunteer-table">
                <caption>By month</caption>
                <thead>
                  <tr>
                    <th scope="col">Month</th>
                    <th scope="col">Hours</th>
                  </tr>
                </thead>
                <tbody>
                  {report.byMonth.map((row) => (
                    <tr key={row.month}>
                      <th scope="row">{monthName(row.month)}</th>
                      <td>{hoursText(row.hours)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
          <section aria-labelledby="volunteer-report-training" className="volunteer-section">
            <h2 id="volunteer-report-training">Training completed</h2>
            {report.training.length === 0 ? (
              <p>No training completed in this period.</p>
            ) : (
              <table className="volunteer-table">
                <caption className="visually-hidden">Volunteers who completed each course</caption>
                <thead>
                  <tr>
                    <th scope="col">Course</th>
                    <th scope="col">Volunteers</th>
                  </tr>
                </thead>
                <tbody>
                  {report.training.map((row) => (
                    <tr key={row.name}>
                      <th scope="row">{row.name}</th>
                      <td>{row.people}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        </>
      )}
    </Screen>
  );
}
