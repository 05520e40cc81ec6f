import { act, cleanup, render, screen } from '@testing-library/react';
import { Provider } from 'react-redux';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sessionStarted } from '../session';
import { makeStore, type AppStore } from '../store';
import type { User } from '../types';
import { FakeSocket } from './fakeSocket';
import { createStreamClient } from './streamClient';
import { useStream, type UseStreamOptions } from './useStream';

/** Stands in for the browser's WebSocket, which the hook opens by name. */
class BrowserSocket extends FakeSocket {
  static opened: BrowserSocket[] = [];
  constructor(url: string, protocols: string[]) {
    super(url, protocols);
    BrowserSocket.opened.push(this);
  }
}

/** The API client asks for paths relative to the page, which Node's Request cannot resolve alone. */
class PageRequest extends Request {
  constructor(input: RequestInfo | URL, init?: RequestInit) {
    super(typeof input === 'string' ? new URL(input, window.location.href) : input, init);
  }
}

const trader: User = {
  id: 'u1',
  username: 'trader',
  displayName: 'Trader',
  roles: ['trader'],
  permissions: [],
  mfaEnabled: false,
  mfaRequired: false,
  disabled: false,
  createdAt: '2025-01-01T00:00:00Z',
  lastLoginAt: null,
};

const askedForMe = vi.fn<(path: string) => void>();

function ProbePage(options: UseStreamOptions) {
  const { status } = useStream(
    (connection) =>
      createStreamClient({
        ...connection,
        url: 'ws://desk.test/api/v1/probe',
        onMessage: () => {},
      }),
    options,
  );
  return <span data-testid="status">{status}</span>;
}

function showPage(options: UseStreamOptions = {}): { store: AppStore; unmount: () => void } {
  const store = makeStore();
  store.dispatch(sessionStarted({ accessToken: 'tok-1', expiresIn: 900, user: trader }));
  const { unmount } = render(
    <Provider store={store}>
      <ProbePage {...options} />
    </Provider>,
  );
  return { store, unmount };
}

const latest = () => {
  const socket = BrowserSocket.opened.at(-1);
  if (!socket) throw new Error('no socket was opened');
  return socket;
};

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  vi.stubGlobal('WebSocket', BrowserSocket);
  vi.stubGlobal('Request', PageRequest);
  vi.stubGlobal('fetch', async (request: Request) => {
    askedForMe(new URL(request.url).pathname);
    return new Response(JSON.stringify(trader), {
      status: 200,
      headers: { 'content-type': 'application/json' },
    });
  });
});

afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.unstubAllGlobals();
  askedForMe.mockReset();
  BrowserSocket.opened = [];
});

describe('running a stream while a page is shown', () => {
  it('connects with the session token and shows the stream live once the socket opens', () => {
    showPage();
    expect(latest().url).toBe('ws://desk.test/api/v1/probe');
    expect(latest().protocols).toEqual(['energyopti.v1', 'bearer.tok-1']);
    expect(screen.getByTestId('status').textContent).toBe('connecting');
    act(() => latest().accept());
    expect(screen.getByTestId('status').textContent).toBe('live');
  });

  it('asks the API once for a fresh token when refused, and reconnects at once with the new one', async () => {
    const { store } = showPage();
    await act(async () => latest().drop(4401));
    expect(askedForMe.mock.calls).toEqual([['/api/v1/me']]);
    expect(screen.getByTestId('status').textContent).toBe('reconnecting');

    // Refused again before a new token came: the request already made is enough.
    await act(async () => vi.runOnlyPendingTimers());
    await act(async () => latest().drop(4401));
    expect(askedForMe).toHaveBeenCalledTimes(1);

    act(() => {
      store.dispatch(sessionStarted({ accessToken: 'tok-2', expiresIn: 900, user: trader }));
    });
    expect(BrowserSocket.opened).toHaveLength(3);
    expect(latest().protocols).toEqual(['energyopti.v1', 'bearer.tok-2']);
    await act(async () => latest().drop(4403));
    expect(askedForMe).toHaveBeenCalledTimes(2);
  });

  it('shows an error the server reports as a notice under the feature title', () => {
    const { store } = showPage({ errorTitle: 'Probe stream' });
    act(() => latest().accept());
    act(() => latest().push({ type: 'error', message: 'unknown channel' }));
    expect(store.getState().notifications).toEqual([
      expect.objectContaining({ tone: 'error', title: 'Probe stream', detail: 'unknown channel' }),
    ]);
  });

  it('leaves server errors unshown when the feature gives no title', () => {
    const { store } = showPage();
    act(() => latest().accept());
    act(() => latest().push({ type: 'error', message: 'unknown channel' }));
    expect(store.getState().notifications).toEqual([]);
  });

  it('closes the socket and stops reconnecting when the page goes away', () => {
    const { unmount } = showPage();
    const socket = latest();
    act(() => socket.accept());
    unmount();
    expect(socket.closedWith).toBe(1000);
    socket.drop(1006);
    vi.runOnlyPendingTimers();
    expect(BrowserSocket.opened).toHaveLength(1);
  });
});
