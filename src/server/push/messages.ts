// What an alert says. Fixed texts only: a push passes through the browser maker's push service and shows on a
// locked phone, so no name, note, place or id of anyone is ever put in one.

export interface AlertPayload {
  /** The notification's title: the whole message. */
  title: string;
  body: string;
  /** Where a tap takes the person: a path of the app. */
  url: string;
  /** Alerts of one kind replace each other on the device instead of piling up. */
  tag: string;
}

export const URGENT_CONCERN_ALERT: AlertPayload = {
  title: 'Urgent concern raised in Coorie',
  body: 'Open Coorie to see it.',
  url: '/',
  tag: 'urgent-concern',
};

export const VISIT_NOT_CLOSED_ALERT: AlertPayload = {
  title: 'A visit has not been closed',
  body: 'Open Coorie to see it.',
  url: '/',
  tag: 'visit-not-closed',
};

export const TEST_ALERT: AlertPayload = {
  title: 'Test alert from Coorie',
  body: 'Alerts reach this device.',
  url: '/settings',
  tag: 'test',
};
