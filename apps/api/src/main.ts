import 'reflect-metadata';
import { ConfigError, createRootLogger, EmbeddedPostgresError, loadConfig } from '../../../libs/core/src/index.js';
import { createApp } from './bootstrap.js';

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
  await app.listen(config.port);
  createRootLogger(config.logLevel === 'silent' ? 'silent' : 'info').info(
    { context: 'api', port: config.port },
    `Guildhall API ready: GraphQL at ${config.publicUrl}/graphql`,
  );
}

main().catch((error: unknown) => {
  // Problems the person starting Guildhall can fix get their message alone; anything else its stack.
  console.error('Guildhall failed to start:', error instanceof EmbeddedPostgresError ? error.message : error);
  process.exit(1);
});
