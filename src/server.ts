// Entry point: configuration, logger, listen, graceful shutdown. Everything else is in app.ts.
import type { FastifyServerOptions } from 'fastify';
import { buildApp, loggerOptions } from './app.js';
import { type Config, ConfigError, loadConfig } from './config.js';
import { knowledgeLogFields } from './plugins/extraction.js';

function prettyOnTerminal(config: Config): FastifyServerOptions['logger'] {
  const base = loggerOptions(config);
  if (!process.stdout.isTTY) return base;
  try {
    import.meta.resolve('pino-pretty'); // a dev dependency: absent in the production image
    return { ...base, transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' } } };
  } catch {
    return base;
  }
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\n`);
      process.exit(2);
    }
    throw e;
  }

  const app = await buildApp({ config, logger: prettyOnTerminal(config) });

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down: refusing new requests, finishing those in flight');
    const force = setTimeout(() => {
      app.log.warn('shutdown timed out; exiting');
      process.exit(1);
    }, config.SHUTDOWN_TIMEOUT_MS);
    force.unref();
    app.close().then(
      () => process.exit(0),
      (err: unknown) => {
        app.log.error({ err }, 'error while closing');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));

  await app.listen({ host: config.HOST, port: config.PORT });
  try {
    const t0 = performance.now();
    await app.extraction.start();
    app.log.info({ ms: Math.round(performance.now() - t0), ...app.extraction.stats(), ...knowledgeLogFields(app.extraction.knowledge(), config.KB_DIR) }, 'ready: knowledge base loaded');
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    app.log.fatal({ reason: message }, 'cannot start: the knowledge base or the engine failed to load');
    process.stderr.write(`cannot start: ${message}\n`);
    await app.close().catch(() => {});
    process.exit(1);
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`fatal: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
  process.exit(1);
});
