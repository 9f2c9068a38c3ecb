// The text of a pull's answer. A page of a first sync carries up to a thousand records, each stored as JSON
// text: parsing every one, copying it through the response schema and writing it out again was a third of
// the server's time for a page. The stored text is written into the answer as it is instead, and
// tests/server/pullAnswer.test.ts holds what this writes to what pullResponseSchema would have.
import { PROTOCOL, type PullResponse, type RecordRef } from '../../sync/protocol.ts';

/** A change as a pull sends it: `values` and `versions` are JSON text, as the records table keeps them. */
export interface ChangeText {
  kind: string;
  id: string;
  valuesJson: string;
  versionsJson: string;
}

export interface PullAnswer extends Omit<PullResponse, 'protocol' | 'changes'> {
  changes: ChangeText[];
}

/**
 * The answer as JSON, naming only the fields of pullResponseSchema: each is picked out by name, never spread,
 * so that nothing the contract does not name can leave the server.
 */
export function writePullAnswer(answer: PullAnswer): string {
  const { serverTime, epoch, purge, cursor, more, remaining } = answer;
  const envelope = JSON.stringify({
    protocol: PROTOCOL,
    serverTime,
    epoch,
    purge: purge.map(({ kind, id }: RecordRef) => ({ kind, id })),
    cursor,
    more,
    remaining,
  });
  const changes = answer.changes.map(
    ({ kind, id, valuesJson, versionsJson }) =>
      `{"kind":${JSON.stringify(kind)},"id":${JSON.stringify(id)},"values":${valuesJson},"versions":${versionsJson}}`,
  );
  return `${envelope.slice(0, -1)},"changes":[${changes.join(',')}]}`;
}
