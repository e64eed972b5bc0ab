/**
 * Loaded with `--import` by alloc-read.mjs into the API process: SIGUSR2 starts V8's sampling heap profiler
 * (every allocation counted, including objects a GC has since collected), the next SIGUSR2 stops it and writes
 * the profile to $ALLOC_PROFILE. Not part of the API.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';

const session = new Session();
session.connect();
let sampling = false;
process.on('SIGUSR2', () => {
  if (!sampling) {
    sampling = true;
    session.post('HeapProfiler.startSampling', { samplingInterval: 8192, includeObjectsCollectedByMinorGC: true, includeObjectsCollectedByMajorGC: true });
    return;
  }
  sampling = false;
  session.post('HeapProfiler.stopSampling', (error, result) => {
    if (error) throw error;
    writeFileSync(process.env.ALLOC_PROFILE, JSON.stringify(result.profile));
  });
});
