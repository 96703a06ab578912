import { readFileSync } from 'node:fs';
import { WORKER_NODE_FLAGS } from '../node-flags.js';

const ENTRY = 'dist/apps/worker/src/main.js';

describe("the worker's V8 settings", () => {
  it('are the ones npm run start:worker starts it with', () => {
    const scripts = JSON.parse(readFileSync('package.json', 'utf8')).scripts as Record<string, string>;
    expect(scripts['start:worker']).toBe(['node', ...WORKER_NODE_FLAGS, ENTRY].join(' '));
  });

  it('are the ones the Docker Compose worker starts with', () => {
    const compose = readFileSync('docker/compose.yml', 'utf8');
    expect(compose).toContain(`command: ${JSON.stringify(['node', ...WORKER_NODE_FLAGS, ENTRY]).replaceAll(',', ', ')}`);
  });
});
