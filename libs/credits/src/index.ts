export * from './credits.module.js';
export * from './transcript-source.js';
export * from './transcript.service.js';
export * from './transcript.type.js';
