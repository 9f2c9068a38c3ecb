// What the status slot says, from the network, the outbox and the sync state. Pure, so every case is testable.
import type { SyncState } from '../../db/meta.ts';
import { formatDateTime, formatTime, isSameLondonDay } from '../format.ts';

export interface StatusInput {
  online: boolean;
  waiting: number;
  sync: SyncState | null | undefined;
  now?: number;
}

export interface StatusText {
  text: string;
  detail?: string;
  tone: 'ok' | 'waiting' | 'offline' | 'problem';
}

/** Only a long download (a new device's first sync) is worth counting out loud; a short one is just "Syncing…". */
const LONG_DOWNLOAD = 500;

const count = (n: number) => n.toLocaleString('en-GB');

/**
 * A new device's first long download: nothing has ever synced here and hundreds of records are on their way.
 * Until it ends, what the device holds is part of the group's work, not all of it.
 */
export function isFirstDownload(sync: SyncState | null | undefined): sync is SyncState & { total: number } {
  return sync?.phase === 'pulling' && sync.lastSuccess === undefined && (sync.total ?? 0) >= LONG_DOWNLOAD;
}

function waitingText(waiting: number): string {
  return waiting === 1 ? '1 change waiting to sync' : `${count(waiting)} changes waiting to sync`;
}

function lastSynced(at: number, now: number): string {
  return `Last synced ${isSameLondonDay(at, now) ? formatTime(at) : formatDateTime(at, now)}`;
}

export function syncStatusText({ online, waiting, sync, now = Date.now() }: StatusInput): StatusText {
  if (!online) {
    return {
      text: 'Offline — saved on this device',
      detail: waiting > 0 ? waitingText(waiting) : undefined,
      tone: 'offline',
    };
  }
  if (sync?.phase === 'signed-out') {
    return { text: 'Sign in again to sync', detail: 'Everything is still saved on this device.', tone: 'problem' };
  }
  if (sync?.phase === 'error' && sync.lastError) {
    return { text: sync.lastError, detail: waiting > 0 ? waitingText(waiting) : undefined, tone: 'problem' };
  }
  if (sync?.catchingUp && (sync.phase === 'pushing' || sync.phase === 'pulling')) {
    const progress =
      sync.phase === 'pulling' && sync.total && sync.total >= LONG_DOWNLOAD
        ? `Downloading ${count(sync.downloaded ?? 0)} of ${count(sync.total)} records`
        : undefined;
    return { text: 'Catching up after a server restore', detail: progress, tone: 'waiting' };
  }
  if (sync?.phase === 'pulling' && sync.total && sync.total >= LONG_DOWNLOAD) {
    return { text: `Downloading ${count(sync.downloaded ?? 0)} of ${count(sync.total)} records`, tone: 'waiting' };
  }
  if (sync?.phase === 'pushing' || sync?.phase === 'pulling') return { text: 'Syncing…', tone: 'waiting' };
  if (waiting > 0) return { text: waitingText(waiting), tone: 'waiting' };
  if (sync?.lastSuccess) return { text: lastSynced(sync.lastSuccess, now), tone: 'ok' };
  return { text: 'Saved on this device', tone: 'ok' };
}
