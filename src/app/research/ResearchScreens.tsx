// Peer research: the questionnaires, and each one's results under the reports' small-number rules, with the
// public link to share and a CSV of the anonymous answers.
import { useCallback, useMemo } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useRecord, useRecords, useRecordsWhere } from '../../db/hooks.ts';
import type { QuestionnaireVersion } from '../../domain/questionnaire.ts';
import { STARTER_QUESTIONNAIRES } from '../../domain/questionnaireStarters.ts';
import { answersCsv, questionnaireResults } from '../../domain/questionnaireResults.ts';
import { ANSWER_WAYS, ANSWER_WAY_LABELS } from '../../domain/response.ts';
import { showPeople } from '../../domain/reports/suppress.ts';
import { InputField, SelectField } from '../components/form/index.ts';
import { EmptyState, Loading, NotFound, Screen } from '../components/Screen.tsx';
import { readResultParams, useSessionVenues, venueChoices, type ResultParams, type Venue } from './resultParams.ts';
import { DESIGN_NEEDS_PERMISSION, useMayDesign } from './mayDesign.ts';
import { QuestionFigures } from './QuestionFigures.tsx';
import '../styles/controls.css';
import '../styles/reports.css';
import '../styles/research.css';

const STATUS_WORDS = { draft: 'Draft', open: 'Open to answers', closed: 'Closed' } as const;

export function ResearchScreen() {
  const questionnaires = useRecords('questionnaire');
  const mayDesign = useMayDesign();
  return (
    <Screen title="Research">
      <p className="lede">
        Questionnaires that parents answer anonymously: on the kiosk, by a link, or during a visit.
      </p>
      {mayDesign ? (
        <>
          <p>
            <Link to="/research/new" className="button-secondary button-link">
              New questionnaire
            </Link>
          </p>
          <h2>Start from a ready-made one</h2>
          <ul>
            {STARTER_QUESTIONNAIRES.map((starter) => (
              <li key={starter.key}>
                <Link to={`/research/new?starter=${starter.key}`}>{starter.title}</Link>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>{DESIGN_NEEDS_PERMISSION}</p>
      )}
      <h2>Your questionnaires</h2>
      {questionnaires === undefined ? (
        <Loading />
      ) : questionnaires.length === 0 ? (
        <EmptyState>
          <p>No questionnaires yet.</p>
        </EmptyState>
      ) : (
        <ul aria-label="Questionnaires">
          {questionnaires.map((questionnaire) => (
            <li key={questionnaire.id}>
              <Link to={`/research/${encodeURIComponent(questionnaire.id)}`}>{questionnaire.title}</Link> ·{' '}
              {STATUS_WORDS[questionnaire.status ?? 'draft']}
            </li>
          ))}
        </ul>
      )}
    </Screen>
  );
}

export function QuestionnaireScreen() {
  const { id = '' } = useParams();
  const questionnaire = useRecord('questionnaire', id);
  const responses = useRecordsWhere('response', 'questionnaireId', [id]);
  const venues = useRecords('venue');
  const sessionVenues = useSessionVenues();
  const [search, setSearch] = useSearchParams();
  const key = search.toString();
  const params = useMemo(() => readResultParams(new URLSearchParams(key)), [key]);
  const change = useCallback(
    (name: string, value: string) =>
      setSearch(
        (previous) => {
          const next = new URLSearchParams(previous);
          if (value) next.set(name, value);
          else next.delete(name);
          return next;
        },
        { replace: true },
      ),
    [setSearch],
  );
  const mayDesign = useMayDesign();
  if (questionnaire === undefined || responses === undefined || venues === undefined || sessionVenues === undefined) {
    return (
      <Screen title="Questionnaire">
        <Loading />
      </Screen>
    );
  }
  if (questionnaire === null) return <NotFound thing="questionnaire" back="/research" backLabel="Go to Research" />;
  const versions = questionnaire.versions ?? [];
  const datesRight = !params.errors.from && !params.errors.to;
  const filters = { ...params.filters, sessionVenues };
  const results = questionnaireResults(versions, responses, filters);
  const from = filters.from ?? 'start';
  const to = filters.to ?? 'now';
  const link =
    questionnaire.linkId && questionnaire.status === 'open'
      ? `${globalThis.location?.origin ?? ''}/answer/${questionnaire.linkId}`
      : undefined;

  function downloadAnswers() {
    const blob = new Blob(['\uFEFF', answersCsv(versions, responses ?? [], filters)], {
      type: 'text/csv;charset=utf-8',
    });
    const url = URL.createObjectURL(blob);
    const anchor = document.createElement('a');
    anchor.href = url;
    anchor.download = `coorie-answers-${questionnaire?.id ?? 'questionnaire'}.csv`;
    document.body.append(anchor);
    anchor.click();
    anchor.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  return (
    <Screen title={questionnaire.title ?? 'Questionnaire'}>
      <p className="lede">
        {STATUS_WORDS[questionnaire.status ?? 'draft']} · version {versions.at(-1)?.number ?? 1}
      </p>
      {mayDesign && (
        <p className="designer-actions">
          <Link to={`/research/${encodeURIComponent(id)}/edit`} className="button-secondary button-link">
            Edit questions
          </Link>
        </p>
      )}
      {link && questionnaire.linkId && (
        <>
          <p>
            Public link for parents’ own phones: <code>{link}</code>
          </p>
          <p>
            {/* A page of the server's, not of the app: a full load, and only with signal. */}
            <a href={`/q/${encodeURIComponent(questionnaire.linkId)}/poster`} target="_blank" rel="noreferrer">
              Poster with a QR code of the link, to print (opens in a new tab; needs signal)
            </a>
          </p>
        </>
      )}
      <h2>Results</h2>
      <ResultFiltersPanel params={params} versions={versions} venues={venues} onChange={change} />
      {!datesRight ? (
        <p role="status" className="report-waiting">
          Put the dates right above and the figures will show.
        </p>
      ) : (
        <>
          <p role="status">
            {results.responses === 0
              ? 'No answers yet for these filters.'
              : `${showPeople(results.responses)} answers.`}
          </p>
          <p className="designer-actions">
            <button type="button" className="button-secondary" onClick={downloadAnswers}>
              Download anonymous answers (CSV)
            </button>
            <Link
              to={`/research/${encodeURIComponent(id)}/summary${key ? `?${key}` : ''}`}
              className="button-secondary button-link"
            >
              Print a summary
            </Link>
          </p>
          {results.questions.map((result) => (
            <div key={result.question.id}>
              <QuestionFigures result={result} from={from} to={to} withChart />
              {result.texts && (
                <section className="report-figure" aria-labelledby={`texts-${result.question.id}`}>
                  <h2 id={`texts-${result.question.id}`}>{result.question.text}: what people wrote</h2>
                  <p className="report-note">For the team only: never published or printed in a summary.</p>
                  <ul className="research-texts">
                    {result.texts.map((text, index) => (
                      <li key={index}>{text}</li>
                    ))}
                  </ul>
                </section>
              )}
            </div>
          ))}
        </>
      )}
    </Screen>
  );
}

/** The results' filters, in the reports' field style: UK dates that say what to fix, and drop-downs. */
function ResultFiltersPanel({
  params,
  versions,
  venues,
  onChange,
}: {
  params: ResultParams;
  versions: readonly QuestionnaireVersion[];
  venues: readonly Venue[];
  onChange: (name: string, value: string) => void;
}) {
  const { fields, errors } = params;
  const bind = (name: keyof ResultParams['fields'], error?: string) => ({
    id: `r-${name}`,
    name,
    value: fields[name],
    error,
    onChange: (value: string) => onChange(name, value),
  });
  return (
    <fieldset className="report-filters">
      <legend>Show answers</legend>
      <div className="field-row">
        <InputField label="From" type="date" {...bind('from', errors.from)} />
        <InputField label="To" type="date" {...bind('to', errors.to)} />
      </div>
      <div className="field-row">
        <SelectField
          label="Version"
          placeholder="Every version"
          choices={versions.map((version) => ({ value: String(version.number), label: `Version ${version.number}` }))}
          {...bind('version')}
        />
        <SelectField
          label="Venue"
          placeholder="All venues"
          hint="Kiosk answers count at their session’s venue; answers by link or during a visit have none."
          choices={venueChoices(venues)}
          {...bind('venue')}
        />
        <SelectField
          label="How answered"
          placeholder="Every way"
          choices={ANSWER_WAYS.map((way) => ({ value: way, label: ANSWER_WAY_LABELS[way] }))}
          {...bind('how')}
        />
      </div>
    </fieldset>
  );
}
