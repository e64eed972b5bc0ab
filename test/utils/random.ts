/** The one seeded random generator (mulberry32) for tests and benchmarks: a failing seed reproduces exactly. */
export { createRandom, type Random } from '../../scripts/seed/prng.js';
