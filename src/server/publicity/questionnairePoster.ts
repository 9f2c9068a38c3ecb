// A questionnaire's public link as an A4 poster to print: its title, who runs it and how the answers are used,
// and a QR code of the link, so that a parent can scan it at a group or from a noticeboard. Plain HTML, no
// script, every value escaped; the same stylesheet (and so the same security policy) as the timetable poster.
import { page, POSTER_CSS } from './pages.ts';
import { escapeHtml as esc, qrSvg } from './qr.ts';

export interface PosterQuestionnaire {
  title: string;
  about: string;
}

/** GET /q/:linkId/poster */
export function questionnairePosterPage(questionnaire: PosterQuestionnaire, answerUrl: string): string {
  const body = `<p class="tip">Print this page on A4 (in your browser's menu, choose Print). This line is not printed.</p>
<main>
<h1>${esc(questionnaire.title)}</h1>
${questionnaire.about ? `<p class="intro">${esc(questionnaire.about)}</p>` : ''}
<p class="welcome">Anonymous: no name, no account.</p>
<div class="qr-box">
${questionnaireQr(questionnaire, answerUrl)}
<div><p>Scan to answer on your phone, or go to:</p><p class="url">${esc(answerUrl)}</p></div>
</div>
</main>`;
  return page(`Poster: ${questionnaire.title}`, POSTER_CSS, body);
}

/** GET /q/:linkId/qr.svg, and the poster's QR code. */
export function questionnaireQr(questionnaire: PosterQuestionnaire, answerUrl: string): string {
  return qrSvg(answerUrl, `QR code: answer “${questionnaire.title}”`);
}
