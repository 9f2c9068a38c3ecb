import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { InstallHint } from '../../src/app/pwa/InstallHint.tsx';
import { listenForInstallPrompt } from '../../src/app/pwa/installPrompt.ts';
import { Notices, OFFLINE_READY_MS, ReloadPrompt } from '../../src/app/pwa/ReloadPrompt.tsx';
import { ALEX, json, renderApp, stubServer } from './helpers.tsx';

// The service worker registration is the browser's business; here only what the prompt says and does.
const registration = vi.hoisted(() => ({
  needRefresh: false,
  offlineReady: false,
  updateServiceWorker: vi.fn(async () => {}),
}));

vi.mock('virtual:pwa-register/react', () => ({
  useRegisterSW: () => {
    const needRefresh = useState(registration.needRefresh);
    const offlineReady = useState(registration.offlineReady);
    return { needRefresh, offlineReady, updateServiceWorker: registration.updateServiceWorker };
  },
}));

beforeEach(() => {
  registration.needRefresh = false;
  registration.offlineReady = false;
  registration.updateServiceWorker.mockClear();
});

function renderPrompt() {
  return render(
    <ReloadPrompt>
      <Notices />
    </ReloadPrompt>,
  );
}

describe('the reload prompt', () => {
  it('says nothing while there is nothing to say', () => {
    renderPrompt();
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
  });

  it('offers to reload when a new version is ready, and reloads into it', async () => {
    registration.needRefresh = true;
    renderPrompt();
    expect(screen.getByRole('status')).toHaveTextContent('A new version is ready.');
    await userEvent.setup().click(screen.getByRole('button', { name: 'Reload' }));
    expect(registration.updateServiceWorker).toHaveBeenCalledWith(true);
  });

  it('lets people put the new version off until later', async () => {
    registration.needRefresh = true;
    renderPrompt();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Later' }));
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
    expect(registration.updateServiceWorker).not.toHaveBeenCalled();
  });

  it('says when Coorie is ready to work offline, and goes away by itself', () => {
    vi.useFakeTimers();
    try {
      registration.offlineReady = true;
      renderPrompt();
      expect(screen.getByRole('status')).toHaveTextContent('Ready to work offline.');
      act(() => {
        vi.advanceTimersByTime(OFFLINE_READY_MS - 100);
      });
      expect(screen.getByRole('status')).toHaveTextContent('Ready to work offline.');
      act(() => {
        vi.advanceTimersByTime(100);
      });
      expect(screen.getByRole('status')).toBeEmptyDOMElement();
    } finally {
      vi.useRealTimers();
    }
  });

  it('keeps a new version waiting until people answer', () => {
    vi.useFakeTimers();
    try {
      registration.needRefresh = true;
      renderPrompt();
      act(() => {
        vi.advanceTimersByTime(OFFLINE_READY_MS * 10);
      });
      expect(screen.getByRole('status')).toHaveTextContent('A new version is ready.');
    } finally {
      vi.useRealTimers();
    }
  });

  it('says when Coorie is ready to work offline, until dismissed', async () => {
    registration.offlineReady = true;
    renderPrompt();
    expect(screen.getByRole('status')).toHaveTextContent('Ready to work offline.');
    await userEvent.setup().click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
  });
});

describe('where the notice shows', () => {
  afterEach(() => vi.unstubAllGlobals());

  it.each([
    ['the sign-in screen', '/sign-in', undefined, 'Sign in to Coorie'],
    ['the shell', '/', ALEX, 'Today'],
  ])('takes its own place at the top of %s, before the heading, not over it', async (_, path, user, heading) => {
    // The notice that waits for an answer, so that a slow first render cannot outlast it.
    registration.needRefresh = true;
    stubServer({
      'GET /api/setup': () => json(200, { firstRun: false, openRegistration: false, demo: false }),
      // Signed in on the shell only: on the sign-in screen, a session the server knew would open the shell.
      ...(user ? { 'GET /api/me': () => json(200, { user }) } : {}),
    });
    await renderApp(path, { user });
    // Screens load lazily on a shared machine: give them time (this bounds waiting, asserts no timing).
    const title = await screen.findByRole('heading', { level: 1, name: heading }, { timeout: 15_000 });
    const notice = screen.getByText('A new version is ready.');
    expect(notice.closest('main')).toBe(title.closest('main'));
    expect(notice.compareDocumentPosition(title) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });
});

describe('the install hint', () => {
  let stopListening: () => void = () => {};

  afterEach(() => {
    stopListening();
    vi.unstubAllGlobals();
  });

  function offerInstall() {
    const prompt = vi.fn(async () => {});
    const event = Object.assign(new Event('beforeinstallprompt', { cancelable: true }), {
      prompt,
      userChoice: Promise.resolve({ outcome: 'accepted' as const }),
    });
    act(() => {
      window.dispatchEvent(event);
    });
    return { prompt, event };
  }

  function displayMode(standalone: boolean) {
    vi.stubGlobal('matchMedia', (query: string) => ({ matches: standalone && query.includes('standalone') }));
  }

  it('offers "Install Coorie" once the browser allows it, and opens the browser\'s install dialogue', async () => {
    displayMode(false);
    stopListening = listenForInstallPrompt();
    render(<InstallHint />);
    expect(screen.queryByRole('button', { name: 'Install Coorie' })).not.toBeInTheDocument();

    const { prompt, event } = offerInstall();
    expect(event.defaultPrevented).toBe(true);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Install Coorie' }));
    expect(prompt).toHaveBeenCalledOnce();
    expect(screen.queryByRole('button', { name: 'Install Coorie' })).not.toBeInTheDocument();
  });

  it('stays hidden when Coorie already runs from the home screen', () => {
    displayMode(true);
    stopListening = listenForInstallPrompt();
    render(<InstallHint />);
    offerInstall();
    expect(screen.queryByRole('button', { name: 'Install Coorie' })).not.toBeInTheDocument();
  });
});
