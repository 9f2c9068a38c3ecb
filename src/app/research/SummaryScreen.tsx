// A questionnaire's results as a one-page summary to print, in the funder summary's style: the title, the
// versions and dates counted, how many answered and each question's figures, under the same small-number rules
// as the results screen and with its filters, said in words. What people wrote is never in it.
import { useMemo } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useRecord, useRecords, useRecordsWhere } from '../../db/hooks.ts';
import { questionnaireResults } from '../../domain/questionnaireResults.ts';
import { showPeople } from '../../domain/reports/suppress.ts';
import { Loading, NotFound, Screen } from '../components/Screen.tsx';
import { SmallNumbersNote } from '../reports/SmallNumbersNote.tsx';
import { QuestionFigures } from './QuestionFigures.tsx';
import { filtersInWords, readResultParams, useSessionVenues } from './resultParams.ts';
import '../styles/reports.css';
import '../styles/research.css';

export function QuestionnaireSummaryScreen() {
  const { id = '' } = useParams();
  const [search] = useSearchParams();
  const key = search.toString();
  const params = useMemo(() => readResultParams(new URLSearchParams(key)), [key]);
  const questionnaire = useRecord('questionnaire', id);
  const responses = useRecordsWhere('response', 'questionnaireId', [id]);
  const venues = useRecords('venue');
  const sessionVenues = useSessionVenues();
  const back = `/research/${encodeURIComponent(id)}${key ? `?${key}` : ''}`;
  if (questionnaire === undefined || responses === undefined || venues === undefined || sessionVenues === undefined) {
    return (
      <Screen title="Summary of answers">
        <Loading />
      </Screen>
    );
  }
  if (questionnaire === null) return <NotFound thing="questionnaire" back="/research" backLabel="Go to Research" />;
  const title = questionnaire.title ?? 'Questionnaire';
  if (params.errors.from || params.errors.to) {
    return (
      <Screen title={`Summary of answers: ${title}`}>
        <p>The dates chosen are not right: {[params.errors.from, params.errors.to].filter(Boolean).join(' ')}</p>
        <p>
          <Link to={back}>Back to the results to put them right</Link>
        </p>
      </Screen>
    );
  }
  const versions = questionnaire.versions ?? [];
  const results = questionnaireResults(versions, responses, { ...params.filters, sessionVenues });
  const from = params.filters.from ?? 'start';
  const to = params.filters.to ?? 'now';
  const printed = results.questions.filter((result) => result.table || result.withheld || result.summary);
  const ownWords = results.questions.length - printed.length;

  return (
    <Screen title={`Summary of answers: ${title}`} className="reports-screen research-summary">
      <p className="no-print">
        <Link to={back}>Back to the results</Link>
      </p>
      <h2>Filters used</h2>
      <dl className="facts">
        {filtersInWords(params.filters, versions, venues).map(({ label, value }) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <dl className="totals report-headlines">
        <div>
          <dt>Answers</dt>
          <dd>{showPeople(results.responses)}</dd>
        </div>
      </dl>
      <SmallNumbersNote source="the answers" of="answers">
        What people wrote in their own words is for the team only and is never printed.
      </SmallNumbersNote>
      <div className="form-actions no-print">
        <button type="button" className="button-primary" onClick={() => window.print()}>
          Print or save as PDF
        </button>
      </div>
      {results.responses > 0 && ownWords > 0 && (
        <p className="report-note">
          {printed.length === 0
            ? 'Every question here is answered in people’s own words, so there are no figures to print.'
            : ownWords === 1
              ? 'One question answered in people’s own words is left out.'
              : `${ownWords} questions answered in people’s own words are left out.`}
        </p>
      )}
      {results.responses === 0 ? (
        <p>No answers for these filters.</p>
      ) : (
        printed.map((result) => (
          <div key={result.question.id}>
            <QuestionFigures result={result} from={from} to={to} />
          </div>
        ))
      )}
    </Screen>
  );
}
