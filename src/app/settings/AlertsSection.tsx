// "Alerts on this device" in Settings: turn alerts on or off, see whether they are on and when the
// last one arrived, and send a test. Permission is asked for only when the person turns alerts on.
import { useEffect, useState } from 'react';
import { formatDateTime } from '../format.ts';
import {
  alertsErrorText,
  readAlertsStatus,
  sendTestAlert,
  turnAlertsOff,
  turnAlertsOn,
  type AlertsStatus,
} from './alerts.ts';

type Busy = 'on' | 'off' | 'test' | undefined;

export function AlertsSection() {
  const [status, setStatus] = useState<AlertsStatus | undefined>();
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState<Busy>();

  useEffect(() => {
    let live = true;
    readAlertsStatus().then(
      (read) => live && setStatus(read),
      (error: unknown) => live && setMessage(alertsErrorText(error)),
    );
    return () => {
      live = false;
    };
  }, []);

  async function run(what: Exclude<Busy, undefined>, action: () => Promise<string>) {
    setBusy(what);
    setMessage('');
    try {
      setMessage(await action());
    } catch (error) {
      setMessage(alertsErrorText(error));
    } finally {
      setBusy(undefined);
    }
  }

  const turnOn = () =>
    run('on', async () => {
      setStatus(await turnAlertsOn());
      return 'Alerts are on for this device.';
    });
  const turnOff = () =>
    run('off', async () => {
      setStatus(await turnAlertsOff());
      return 'Alerts are off for this device.';
    });
  const test = () =>
    run('test', async () => {
      const result = await sendTestAlert();
      setStatus(result.status);
      if (result.delivered) return 'Test alert sent. It should appear on this device in a moment.';
      return result.status.on
        ? 'The push service did not take the test alert. Try again later.'
        : 'The push service no longer knows this device. Turn alerts on again.';
    });

  return (
    <section aria-labelledby="settings-alerts">
      <h2 id="settings-alerts">Alerts on this device</h2>
      <p>
        Coorie can alert this device, even when Coorie is closed, when a visit has not been closed in time or, for
        coordinators, when an urgent concern is raised. An alert never names anyone: it says only “Urgent concern raised
        in Coorie” or “A visit has not been closed”. Open Coorie to see more.
      </p>
      {status === undefined && !message && <p>Checking…</p>}
      {status?.support === 'unsupported' && (
        <p>This browser cannot receive alerts. Install Coorie to the home screen, or use another browser.</p>
      )}
      {status && status.support !== 'unsupported' && (
        <>
          <dl className="facts">
            <div>
              <dt>Alerts</dt>
              <dd>{status.on ? 'On for this device' : 'Off for this device'}</dd>
            </div>
            {status.on && (
              <div>
                <dt>Last alert delivered</dt>
                <dd>{status.lastDeliveredAt ? formatDateTime(status.lastDeliveredAt) : 'None yet'}</dd>
              </div>
            )}
          </dl>
          {status.support === 'blocked' && (
            <p>Notifications are blocked for Coorie. Allow them in the browser’s site settings to turn alerts on.</p>
          )}
          <p>
            {status.on ? (
              <>
                <button type="button" onClick={() => void test()} disabled={busy !== undefined}>
                  {busy === 'test' ? 'Sending…' : 'Send me a test alert'}
                </button>{' '}
                <button
                  type="button"
                  className="button-secondary"
                  onClick={() => void turnOff()}
                  disabled={busy !== undefined}
                >
                  Turn alerts off
                </button>
              </>
            ) : (
              <button
                type="button"
                onClick={() => void turnOn()}
                disabled={busy !== undefined || status.support === 'blocked'}
              >
                {busy === 'on' ? 'Turning on…' : 'Turn on alerts'}
              </button>
            )}
          </p>
          {!status.on && status.support === 'supported' && (
            <p className="field-hint">The browser will ask whether Coorie may show notifications.</p>
          )}
        </>
      )}
      <p role="status">{message}</p>
    </section>
  );
}
