/// <reference types="jest" />
import type { ApiResponse } from './api-client.js';
import { tableCounts } from './database.js';
import type { TestApp } from './test-app.js';

/** Sends a request that must be refused with `status` and a message matching `message`, and shows it changed no table. */
export async function expectRefused(t: TestApp, send: () => Promise<ApiResponse>, status: number, message: RegExp): Promise<ApiResponse> {
  const before = await tableCounts(t.dataSource);
  const res = await send();
  expect({ status: res.status, message: res.body.message }).toEqual({ status, message: expect.stringMatching(message) });
  expect(await tableCounts(t.dataSource)).toEqual(before);
  return res;
}
