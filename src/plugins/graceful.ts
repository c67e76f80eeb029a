// Graceful close: once app.close() starts, responses say `Connection: close` and keep-alive
// sockets are closed as soon as their last response is out, so close() does not wait for
// idle keep-alive timeouts (requests in flight still complete; new ones get 503).
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

export default fp(
  async (app: FastifyInstance) => {
    let closing = false;
    app.addHook('preClose', async () => {
      closing = true;
      app.server.closeIdleConnections?.();
    });
    app.addHook('onSend', async (_request, reply) => {
      if (closing && !reply.raw.headersSent) reply.header('connection', 'close');
    });
    app.addHook('onResponse', async () => {
      if (closing) setImmediate(() => app.server.closeIdleConnections?.());
    });
  },
  { name: 'graceful', fastify: '5.x' },
);
