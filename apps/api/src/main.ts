import 'reflect-metadata';
import { ConfigError, createRootLogger, loadConfig, ROOT_LOGGER, type RootLogger } from '../../../libs/core/src/index.js';
import { createApp } from './bootstrap.js';
import { exitGracefullyOnSignals } from './shutdown.js';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
  const app = await createApp(config);
  exitGracefullyOnSignals(app, app.get<RootLogger>(ROOT_LOGGER));
  await app.listen(config.port);
  const logger = createRootLogger(config.logLevel === 'silent' ? 'silent' : 'info');
  logger.info(
    { context: 'api', port: config.port },
    `Guildhall API ready: GraphQL at ${config.publicUrl}/graphql`,
  );
}

main().catch((error: unknown) => {
  console.error('Guildhall failed to start:', error);
  process.exit(1);
});
