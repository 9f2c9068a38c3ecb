// A screen loaded ahead (the shell and Today while the lock shows) draws at once when it is opened, with no
// "Loading" in between; one not loaded ahead still loads when opened, as a lazy screen always has.
import { render, screen } from '@testing-library/react';
import { Suspense } from 'react';
import { describe, expect, it } from 'vitest';
import { preloadable } from '../../src/app/preloadable.ts';

function Greeting({ name }: { name: string }) {
  return <h1>Hello, {name}</h1>;
}

function loader() {
  let loads = 0;
  const load = () => {
    loads += 1;
    return Promise.resolve({ default: Greeting });
  };
  return { load, loads: () => loads };
}

function show(Screen: ReturnType<typeof preloadable<typeof Greeting>>) {
  render(
    <Suspense fallback={<p>Loading</p>}>
      <Screen name="Morag" />
    </Suspense>,
  );
}

describe('a screen that can be loaded ahead', () => {
  it('draws at once, without its fallback, once loaded ahead', async () => {
    const { load, loads } = loader();
    const Screen = preloadable(load);
    await Screen.preload();
    show(Screen);
    // Read straight after the first render: nothing has had a chance to settle.
    expect(screen.getByRole('heading', { name: 'Hello, Morag' })).toBeInTheDocument();
    expect(screen.queryByText('Loading')).not.toBeInTheDocument();
    expect(loads()).toBe(1);
  });

  it('loads when first shown if nobody asked for it ahead, and only once when asked twice', async () => {
    const { load, loads } = loader();
    const Screen = preloadable(load);
    show(Screen);
    expect(screen.getByText('Loading')).toBeInTheDocument();
    expect(await screen.findByRole('heading', { name: 'Hello, Morag' })).toBeInTheDocument();
    await Screen.preload();
    await Screen.preload();
    expect(loads()).toBe(1);
  });

  it('tries a failed load again when next asked for', async () => {
    let attempts = 0;
    const Screen = preloadable(() => {
      attempts += 1;
      return attempts === 1 ? Promise.reject(new Error('offline')) : Promise.resolve({ default: Greeting });
    });
    await expect(Screen.preload()).rejects.toThrow('offline');
    await Screen.preload();
    show(Screen);
    expect(screen.getByRole('heading', { name: 'Hello, Morag' })).toBeInTheDocument();
    expect(attempts).toBe(2);
  });
});
