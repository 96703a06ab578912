import { AsyncLocalStorage } from 'node:async_hooks';

export const GLOBAL_ROLES = ['admin', 'director'] as const;
export type GlobalRole = (typeof GLOBAL_ROLES)[number];

/** A seat the person holds today (membership roles as in API.md). */
export interface CurrentSeat {
  committeeId: string;
  role: string;
}

/** The logged-in person behind a request, with today's committee seats read in the same query as the person. */
export interface Actor {
  personId: string;
  email: string;
  roles: GlobalRole[];
  seats: CurrentSeat[];
  /**
   * The bodies the person acts for as director or admin, read in the same query. A director with none acts for
   * nothing; an admin with none administers the whole installation.
   */
  bodyIds: string[];
  /** The committees of those bodies, so checks of a committee stay pure. */
  bodyCommitteeIds: string[];
}

export interface RequestContextData {
  /** The server's own id for this request (never the client's). */
  requestId: string;
  /** The `x-request-id` a client sent, if it was well formed: kept beside the server's id, never instead of it. */
  clientRequestId?: string;
  method?: string;
  path?: string;
  ip?: string;
  actor?: Actor;
  /** SQL statements run for this request, counted by the database logger. */
  sqlStatements: number;
}

const storage = new AsyncLocalStorage<RequestContextData>();

/** Who is asking and under which request id, reachable from any code the request runs. */
export const RequestContext = {
  run<T>(data: RequestContextData, fn: () => T): T {
    return storage.run(data, fn);
  },
  current(): RequestContextData | undefined {
    return storage.getStore();
  },
  setActor(actor: Actor): void {
    const store = storage.getStore();
    if (store) store.actor = actor;
  },
  countSqlStatement(): void {
    const store = storage.getStore();
    if (store) store.sqlStatements += 1;
  },
};
