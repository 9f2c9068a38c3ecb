// A screen loaded when first needed that can also be asked for ahead (while the lock shows, say), and that then
// draws at once. React.lazy suspends on its first render even when its module is already in hand, and React
// holds a revealed Suspense boundary back for up to 300 ms after its fallback showed; a module loaded ahead is
// handed to lazy by a thenable that answers at once, so that no fallback shows and nothing waits.
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

// Any props, as React.lazy itself takes.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyComponent = ComponentType<any>;

export type Preloadable<T extends AnyComponent> = LazyExoticComponent<T> & {
  /** Starts loading the module (once); answers when it is loaded. */
  preload: () => Promise<unknown>;
};

export function preloadable<T extends AnyComponent>(load: () => Promise<{ default: T }>): Preloadable<T> {
  type Module = { default: T };
  let loaded: Module | undefined;
  let loading: Promise<Module> | undefined;
  const preload = () =>
    (loading ??= load().then(
      (module) => (loaded = module),
      (error: unknown) => {
        // A failed load (offline before the precache finished) may be tried again when next asked for.
        loading = undefined;
        throw error;
      },
    ));
  const component = lazy(() => {
    if (!loaded) return preload();
    const module = loaded;
    // React calls then() at once and reads the answer before it suspends: a plain object keeps it synchronous.
    return { then: (resolve: (value: Module) => void) => resolve(module) } as unknown as Promise<Module>;
  });
  return Object.assign(component, { preload });
}
