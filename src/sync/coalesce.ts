// Turns outbox entries into push batches: one change per record, batches within the server's limits.
import { merge } from './merge.ts';
import type { Change } from './protocol.ts';

export interface QueuedChange extends Change {
  seq: number;
}

/** One change to send, with the outbox entries it stands for (removed only once the server answers). */
export interface CoalescedChange {
  change: Change;
  seqs: number[];
}

/**
 * Folds every queued change to the same record into one, with the shared merge, so ten edits of a title
 * offline cost one change on the wire. Records keep the order of their first queued change.
 */
export function coalesce(entries: Iterable<QueuedChange>): CoalescedChange[] {
  const byRecord = new Map<string, CoalescedChange>();
  for (const { seq, kind, id, values, versions } of entries) {
    const key = `${kind}\u0000${id}`;
    const existing = byRecord.get(key);
    if (!existing) {
      byRecord.set(key, { change: { kind, id, values: { ...values }, versions: { ...versions } }, seqs: [seq] });
      continue;
    }
    const { record } = merge(existing.change, { values, versions });
    existing.change = { kind, id, values: record.values, versions: record.versions };
    existing.seqs.push(seq);
  }
  return [...byRecord.values()];
}

/** UTF-8 length of a string, without TextEncoder so that this file stays pure. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      // A surrogate pair is one code point of four bytes.
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

export interface BatchLimits {
  maxChanges: number;
  /** Budget for the changes' JSON; kept under the server's 1 MiB so the envelope always fits. */
  maxBytes: number;
}

export const DEFAULT_BATCH_LIMITS: BatchLimits = { maxChanges: 500, maxBytes: 900 * 1024 };

/** Splits changes into batches in order. A change larger than the budget still goes, alone. */
export function toBatches<T extends { change: Change }>(items: T[], limits = DEFAULT_BATCH_LIMITS): T[][] {
  const batches: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const item of items) {
    const size = utf8Length(JSON.stringify(item.change)) + 1;
    if (current.length > 0 && (current.length >= limits.maxChanges || bytes + size > limits.maxBytes)) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(item);
    bytes += size;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/** A batch as sent, kept until the server answers, so that a retry is the same batch under the same id. */
export interface PendingBatch {
  batchId: string;
  items: CoalescedChange[];
}
