import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { API_NODE_FLAGS } from '../../bench/api-server.js';

/** `npm start`, the Dockerfile and the benchmarks start the API with the same Node flags. */
describe('the API process is started with the same Node flags everywhere', () => {
  const root = new URL('../../', import.meta.url);
  const start = (JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as { scripts: Record<string, string> }).scripts.start;
  const cmd = JSON.parse(/^CMD (\[.*\])$/m.exec(readFileSync(new URL('Dockerfile', root), 'utf8'))![1]) as string[];

  it('npm start', () => {
    expect(start).toBe(['node', ...API_NODE_FLAGS, 'dist/apps/api/src/main.js'].join(' '));
  });

  it("the Dockerfile's CMD", () => {
    expect(cmd).toEqual(['node', ...API_NODE_FLAGS, 'dist/apps/api/src/main.js']);
  });
});
