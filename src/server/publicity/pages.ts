// The public timetable and its poster as plain HTML: no script, one small inline stylesheet allowed by its
// hash, readable on any phone and printable on A4. Everything shown comes from the public timetable
// (timetable.ts), never from records, and every value is escaped.
import { createHash } from 'node:crypto';
import type { PublicSession, PublicTimetable } from '../../api/publicity.ts';
import { KIND_LABELS, publicWhen } from '../../domain/promotion.ts';
import { shortTime } from '../../domain/london.ts';
import { escapeHtml as esc, qrSvg } from './qr.ts';

const PAGE_CSS = `
:root{color-scheme:light;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;line-height:1.5;color:#1b1b1b;background:#fff}
body{margin:0 auto;max-width:42rem;padding:1rem}
h1{font-size:1.6rem;line-height:1.2;margin:.5rem 0}
h2{font-size:1.25rem;margin:1.5rem 0 .5rem}
h3{font-size:1.1rem;margin:0 0 .25rem}
a{color:#0b4f8a}
a:focus-visible{outline:3px solid #0b4f8a;outline-offset:2px}
.by{color:#3d3d3d;margin-top:0}
.help{background:#f1f5f4;border-radius:.5rem;padding:.75rem 1rem}
.help p{margin:.25rem 0}
ul.sessions{list-style:none;padding:0;margin:0}
ul.sessions li{border:1px solid #c4c4c4;border-radius:.5rem;padding:.75rem 1rem;margin:0 0 .75rem}
.when{font-weight:600;margin:0}
.meta{margin:.25rem 0 0;color:#3d3d3d}
.cancelled{color:#8a1c1c;font-weight:600}
footer{margin-top:2rem;font-size:.9rem;color:#3d3d3d}
.poster-link{display:inline-block;min-height:44px;line-height:44px}
`;

export const POSTER_CSS = `
@page{size:A4;margin:14mm}
:root{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#000;background:#fff}
body{margin:0 auto;max-width:182mm}
h1{font-size:30pt;line-height:1.1;margin:0 0 4mm}
.intro{font-size:15pt;margin:0 0 6mm}
ul{list-style:none;padding:0;margin:0 0 6mm;font-size:14pt}
li{margin:0 0 3mm}
.when{font-weight:700}
.welcome{font-size:15pt;font-weight:600;margin:0 0 2mm}
.qr-box{display:flex;gap:8mm;align-items:center;margin-top:6mm}
.qr{width:55mm;height:55mm;flex:none}
.url{font-size:12pt;word-break:break-all}
.by{font-size:12pt;margin-top:6mm}
@media screen{body{padding:1rem}.tip{background:#f1f5f4;padding:.5rem 1rem;border-radius:.5rem}}
@media print{.tip{display:none}}
`;

const hashOf = (css: string) => `'sha256-${createHash('sha256').update(css).digest('base64')}'`;

/** The pages' own security policy: nothing but their inline stylesheet (by hash) and inline SVG. */
export const PAGE_HELMET = {
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'none'"],
      styleSrc: [hashOf(PAGE_CSS), hashOf(POSTER_CSS)],
      imgSrc: ["'self'", 'data:'],
      baseUri: ["'none'"],
      formAction: ["'none'"],
      frameAncestors: ["'none'"],
    },
  },
};

function when(session: PublicSession): string {
  const start = publicWhen(session.startsAt);
  return session.endsAt ? `${start} to ${shortTime(session.endsAt)}` : start;
}

function place(session: PublicSession): string {
  const venue = session.venue;
  if (!venue) return '';
  return [venue.name, venue.address, venue.locality].filter((part): part is string => !!part).join(', ');
}

function sessionItem(session: PublicSession): string {
  const facilities = [session.venue?.babyChange ? 'baby changing' : '', session.venue?.parking ? 'parking' : ''].filter(
    Boolean,
  );
  const details = [KIND_LABELS[session.kind], session.theme ? `Theme: ${session.theme}` : ''].filter(Boolean);
  return `<li>
<h3>${esc(session.title)}</h3>
${session.cancelled ? '<p class="cancelled">Cancelled</p>' : ''}
<p class="when">${esc(when(session))}</p>
${place(session) ? `<p class="meta">${esc(place(session))}</p>` : ''}
<p class="meta">${esc(details.join(' · '))}</p>
${facilities.length ? `<p class="meta">At the venue: ${esc(facilities.join(', '))}</p>` : ''}
</li>`;
}

export function page(title: string, css: string, body: string): string {
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${esc(title)}</title>
<style>${css}</style>
</head>
<body>
${body}
</body>
</html>`;
}

function helpOffered(timetable: PublicTimetable): string {
  const lines = [
    timetable.babiesWelcome ? '<p><strong>Babies welcome.</strong> Bring your baby along, whatever their age.</p>' : '',
    timetable.childcare ? `<p><strong>Childcare:</strong> ${esc(timetable.childcare)}</p>` : '',
    timetable.transport ? `<p><strong>Getting there:</strong> ${esc(timetable.transport)}</p>` : '',
  ].filter(Boolean);
  return lines.length ? `<div class="help">${lines.join('\n')}</div>` : '';
}

/** GET /t/:slug */
export function timetablePage(timetable: PublicTimetable, posterPath: string): string {
  const org = timetable.organisation;
  const sessions = timetable.sessions.length
    ? `<ul class="sessions">${timetable.sessions.map(sessionItem).join('\n')}</ul>`
    : `<p>No sessions are planned in the next ${timetable.weeksAhead} weeks. Please check again soon.</p>`;
  const body = `<header>
<h1>${esc(org)}: groups for parents and babies</h1>
<p class="by">Run by ${esc(org)}.</p>
</header>
<main>
${timetable.intro ? `<p>${esc(timetable.intro)}</p>` : ''}
${helpOffered(timetable)}
${timetable.whatToExpect ? `<h2>What to expect</h2>\n<p>${esc(timetable.whatToExpect)}</p>` : ''}
<h2>Coming up</h2>
${sessions}
${timetable.contact ? `<h2>Get in touch</h2>\n<p>${esc(timetable.contact)}</p>` : ''}
</main>
<footer>
<p>This timetable is published by ${esc(org)}. It holds nothing about anyone who comes to a group.</p>
<p><a class="poster-link" href="${esc(posterPath)}">Poster to print (A4)</a></p>
</footer>`;
  return page(`${org}: groups for parents and babies`, PAGE_CSS, body);
}

/** GET /t/:slug/poster: A4, the next sessions and a QR code of the timetable's address. */
export function posterPage(timetable: PublicTimetable, timetableUrl: string): string {
  const org = timetable.organisation;
  const next = timetable.sessions.filter((session) => !session.cancelled).slice(0, 6);
  const list = next
    .map((session) => {
      const where = session.venue ? [session.venue.name, session.venue.locality].filter(Boolean).join(', ') : '';
      return `<li><span class="when">${esc(when(session))}</span>: ${esc(session.title)}${where ? `, ${esc(where)}` : ''}</li>`;
    })
    .join('\n');
  const body = `<p class="tip">Print this page on A4 (in your browser's menu, choose Print). This line is not printed.</p>
<main>
<h1>${esc(org)}: groups for parents and babies</h1>
${timetable.intro ? `<p class="intro">${esc(timetable.intro)}</p>` : ''}
${timetable.babiesWelcome ? '<p class="welcome">Babies welcome.</p>' : ''}
${timetable.childcare ? `<p>Childcare: ${esc(timetable.childcare)}</p>` : ''}
${timetable.transport ? `<p>Getting there: ${esc(timetable.transport)}</p>` : ''}
${next.length ? `<h2>Coming up</h2>\n<ul>${list}</ul>` : ''}
<div class="qr-box">
${qrSvg(timetableUrl, `QR code: the timetable of ${org}`)}
<div><p>Scan for every session, or go to:</p><p class="url">${esc(timetableUrl)}</p>
${timetable.contact ? `<p>${esc(timetable.contact)}</p>` : ''}</div>
</div>
<p class="by">Run by ${esc(org)}.</p>
</main>`;
  return page(`Poster: ${org}`, POSTER_CSS, body);
}
