import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.js';
import type { Clock } from './clock.js';
import type { Metrics } from './observability/metrics.js';
import type { Platform } from './runtime.js';

/**
 * What a domain module receives when the app registers it: the platform's parts, never
 * another module's internals. A module's index.ts exports `register(ctx)`.
 */
export interface ModuleContext {
  app: FastifyInstance;
  config: Config;
  platform: Platform;
  clock: Clock;
  metrics: Metrics;
  /** Background work the module starts (feeds, schedulers); stopped when the app closes. */
  onClose(stop: () => Promise<void> | void): void;
}
