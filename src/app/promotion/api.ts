// The publicity endpoints (server/routes/publicity.ts), for the Promotion screen. Answers are checked against
// src/api/publicity.ts before the screen sees them; problems become ApiError.
import {
  publicityAnswer,
  publicTimetableSchema,
  type PublicityBody,
  type PublicitySettings,
  type PublicTimetable,
} from '../../api/publicity.ts';
import { checked } from '../http/checked.ts';

export type { PublicityBody, PublicitySettings, PublicTimetable };

const PATH = '/api/organisation/publicity';

export async function loadPublicity(): Promise<PublicitySettings> {
  return (await checked('GET', PATH, publicityAnswer)).settings;
}

export async function savePublicity(body: PublicityBody): Promise<PublicitySettings> {
  return (await checked('PUT', PATH, publicityAnswer, body)).settings;
}

/** The timetable exactly as the public gets it: the preview shows nothing more than a stranger would see. */
export function loadPublicTimetable(slug: string): Promise<PublicTimetable> {
  return checked('GET', `/api/public/timetable/${encodeURIComponent(slug)}`, publicTimetableSchema);
}

/** The timetable's full address on this server, for the link, the post and the poster's QR code. */
export function timetableUrl(slug: string): string {
  return `${window.location.origin}/t/${encodeURIComponent(slug)}`;
}

/** Copies text; false where the browser refuses (no permission, an old browser), so the screen can say so. */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
