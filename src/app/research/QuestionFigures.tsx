// One question's published figures, as the results screen and the printed summary both show them: its table (with
// a chart on screen), or why its figures are held back, and the averages with their spread. What people wrote is
// the results screen's alone, so it is not here.
import type { QuestionResult } from '../../domain/questionnaireResults.ts';
import { showPeople } from '../../domain/reports/suppress.ts';
import { ReportFigure } from '../reports/ReportFigure.tsx';

export function QuestionFigures({
  result,
  from,
  to,
  withChart = false,
}: {
  result: QuestionResult;
  from: string;
  to: string;
  /** The printed summary keeps to tables, to stay short on paper. */
  withChart?: boolean;
}) {
  return (
    <>
      {result.table && (
        <ReportFigure
          table={result.table}
          {...(withChart ? { chart: { keys: ['people'], horizontal: true } } : {})}
          from={from}
          to={to}
          note={`${showPeople(result.answered)} answered.`}
        />
      )}
      {result.withheld && (
        <section className="report-figure" aria-labelledby={`held-${result.question.id}`}>
          <h2 id={`held-${result.question.id}`}>{result.question.text}</h2>
          <p>Figures held back: with {showPeople(result.answered)} answers, any of them could point to someone.</p>
        </section>
      )}
      {result.summary && <ReportFigure table={result.summary} from={from} to={to} />}
    </>
  );
}
