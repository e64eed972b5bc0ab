/**
 * Lets a worker thread run the TypeScript sources, as Jest does for the rest of the code (swc, no
 * type-check): passed as `--import` in the worker's execArgv by `workerScript` when the caller itself is
 * a `.ts` file. The build (`dist/`) never uses it.
 */
import { register } from 'node:module';

register('./typescript-loader.mjs', import.meta.url);
