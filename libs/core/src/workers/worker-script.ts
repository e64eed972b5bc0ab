/**
 * Where a worker thread's script is, whether the caller runs from the build (`dist/**.js`, `npm start`)
 * or from the TypeScript sources (Jest, through swc). From the sources the worker gets the same swc
 * compilation through module hooks (`typescript-hooks.mjs`, which needs the dev dependency @swc/core);
 * the build needs nothing.
 */
export interface WorkerScript {
  /** file: URL of the script, for `new Worker(...)` or a pool's `filename`. */
  readonly filename: string;
  /** Extra Node options the worker needs. */
  readonly execArgv: readonly string[];
}

/**
 * @param callerUrl the caller's `import.meta.url`
 * @param name the script's path relative to the caller, without extension (e.g. `./matching.worker`)
 */
export function workerScript(callerUrl: string, name: string): WorkerScript {
  const fromSources = callerUrl.endsWith('.ts');
  return {
    filename: new URL(`${name}${fromSources ? '.ts' : '.js'}`, callerUrl).href,
    execArgv: fromSources ? ['--import', new URL('./typescript-hooks.mjs', import.meta.url).href] : [],
  };
}
