import 'reflect-metadata';
import { INestApplication } from '@nestjs/common';
import { AppConfig, ConfigError, createRootLogger, describeError, EmbeddedPostgresError, loadConfig, ROOT_LOGGER, type RootLogger } from '../../../libs/core/src/index.js';
import { createApp } from './bootstrap.js';
import { exitGracefullyOnSignals } from './shutdown.js';

const RETRY_DELAYS_S = [1, 2, 5, 10, 30];

async function main(): Promise<void> {
  const config = loadConfig(); // a bad setting: its ConfigError ends the process below
  await startWithRetries(config);
  const logger = createRootLogger(config.logLevel === 'silent' ? 'silent' : 'info');
  logger.info(
    { context: 'api', port: config.port },
    `Guildhall API ready: GraphQL at ${config.publicUrl}/graphql`,
  );
}

/**
 * A database that is down, read-only or refusing us at start is reported in one line (never the
 * failed statement or its values) and retried with a growing pause; SIGTERM meanwhile exits at once.
 */
async function startWithRetries(config: AppConfig): Promise<INestApplication> {
  const exitNow = () => process.exit(0);
  const exitOnSignals = (on: boolean) => {
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      process.off(signal, exitNow);
      if (on) process.on(signal, exitNow);
    }
  };
  for (let attempt = 1; ; attempt++) {
    exitOnSignals(true);
    let app: INestApplication | undefined;
    let removeHandlers: (() => void) | undefined;
    try {
      app = await createApp(config);
      exitOnSignals(false);
      removeHandlers = exitGracefullyOnSignals(app, app.get<RootLogger>(ROOT_LOGGER));
      await app.listen(config.port);
      return app;
    } catch (error) {
      // The embedded server's own refusals (a folder it cannot enter, PGlite's data) need a person, not a retry;
      // so does a setting only the database could show wrong (a sealed secret whose key is not configured).
      if (error instanceof EmbeddedPostgresError) throw error;
      if (error instanceof ConfigError) {
        await app?.close().catch(() => undefined);
        throw error;
      }
      const delay = RETRY_DELAYS_S[Math.min(attempt, RETRY_DELAYS_S.length) - 1];
      console.error(`Guildhall could not start (attempt ${attempt}): ${describeError(error)}; retrying in ${delay} s`);
      removeHandlers?.();
      exitOnSignals(true);
      await app?.close().catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, delay * 1000));
    }
  }
}

main().catch((error: unknown) => {
  // A setting (from the environment, or one only the database shows wrong: a sealed secret's key) needs a person.
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(78); // EX_CONFIG
  }
  console.error(`Guildhall failed to start: ${describeError(error)}`);
  process.exit(1);
});
