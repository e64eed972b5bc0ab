import { Global, Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { createRootLogger } from './logger.js';

export const ROOT_LOGGER = Symbol('ROOT_LOGGER');

@Global()
@Module({
  providers: [
    { provide: ROOT_LOGGER, inject: [APP_CONFIG], useFactory: (config: AppConfig) => createRootLogger(config.logLevel) },
  ],
  exports: [ROOT_LOGGER],
})
export class LoggingModule {}
