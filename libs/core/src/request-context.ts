import { AsyncLocalStorage } from 'node:async_hooks';

export const GLOBAL_ROLES = ['admin', 'director'] as const;
export type GlobalRole = (typeof GLOBAL_ROLES)[number];

/** The logged-in person behind a request. */
export interface Actor {
  personId: string;
  email: string;
  roles: GlobalRole[];
}

export interface RequestContextData {
  requestId: string;
  method?: string;
  path?: string;
  ip?: string;
  actor?: Actor;
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
};
