// event-source-polyfill ships no types; these cover what the sync client uses.
declare module 'event-source-polyfill' {
  export interface EventSourcePolyfillInit {
    /** Sent with every request, including the polyfill's own reconnects (its properties are read each time). */
    headers?: Record<string, string>;
    /** Reconnect after this long without a byte from the server (default 45 s). */
    heartbeatTimeout?: number;
    withCredentials?: boolean;
  }

  export class EventSourcePolyfill extends EventTarget {
    constructor(url: string, init?: EventSourcePolyfillInit);
    readonly CONNECTING: 0;
    readonly OPEN: 1;
    readonly CLOSED: 2;
    readyState: number;
    close(): void;
  }
}
