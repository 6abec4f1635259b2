import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { optionalChunk, optionalComponent, useOnDemand } from './optional-chunk';

const Real = () => null;
const Fallback = () => null;

describe('optionalChunk', () => {
  it('gives the loaded component when its chunk loads', async () => {
    const load = optionalChunk(async () => ({ default: Real }), Fallback);
    expect((await load()).default).toBe(Real);
  });

  it('gives the fallback, not a failure, when the chunk cannot be fetched', async () => {
    const load = optionalChunk(async () => {
      throw new TypeError('Failed to fetch dynamically imported module');
    }, Fallback);
    expect((await load()).default).toBe(Fallback);
  });
});

const Loaded = ({ name }: { name: string }) => <p>loaded {name}</p>;
const Plain = ({ name }: { name: string }) => <p>plain {name}</p>;
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/** What the server draws for a component using `chunk` (renderToString: the fallback, always). */
function shown(chunk: ReturnType<typeof optionalComponent<{ name: string }>>) {
  function Screen() {
    const Component = chunk.useComponent();
    return <Component name="Inbox" />;
  }
  return renderToString(<Screen />);
}

describe('optionalComponent', () => {
  it('has the fallback until the chunk is there, then the loaded component (fetched once)', async () => {
    let loads = 0;
    const chunk = optionalComponent(async () => {
      loads++;
      return { default: Loaded };
    }, Plain);
    expect(chunk.loaded()).toBeNull();
    expect(shown(chunk)).toBe('<p>plain <!-- -->Inbox</p>');
    chunk.preload();
    chunk.preload();
    await settle();
    expect(chunk.loaded()).toBe(Loaded);
    expect(loads).toBe(1);
    // The server draws the fallback even then (decision 020): none of the optional code's set-up.
    expect(shown(chunk)).toBe('<p>plain <!-- -->Inbox</p>');
  });

  it('keeps the fallback for good when the chunk cannot be fetched', async () => {
    const chunk = optionalComponent(async () => {
      throw new TypeError('Failed to fetch dynamically imported module');
    }, Plain);
    chunk.preload();
    await settle();
    expect(shown(chunk)).toBe('<p>plain <!-- -->Inbox</p>');
  });
});

describe('useOnDemand', () => {
  function shownWhen(chunk: ReturnType<typeof optionalComponent<{ name: string }>>, open: boolean) {
    function Dialog() {
      const Component = useOnDemand(chunk, open);
      return Component ? <Component name="Shortcuts" /> : <p>nothing</p>;
    }
    return renderToString(<Dialog />);
  }

  it('fetches nothing while closed and starts on opening; the server draws nothing on demand', async () => {
    let loads = 0;
    const chunk = optionalComponent(async () => {
      loads++;
      return { default: Loaded };
    }, Plain);
    expect(shownWhen(chunk, false)).toBe('<p>nothing</p>');
    await settle();
    expect(loads).toBe(0);
    expect(shownWhen(chunk, true)).toBe('<p>nothing</p>');
    await settle();
    expect(loads).toBe(1);
    expect(chunk.loaded()).toBe(Loaded);
    // What the server draws: nothing on demand, open or not.
    expect(shownWhen(chunk, true)).toBe('<p>nothing</p>');
  });
});
