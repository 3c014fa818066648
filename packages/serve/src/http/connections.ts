import type { Server } from 'node:http';
import type { Socket } from 'node:net';

/**
 * Tracks the server's sockets and their in-progress requests so shutdown can close each one
 * as soon as it is idle. Node's `closeIdleConnections` misses sockets that never sent a
 * request (clients often open spare keep-alive connections), and a socket that finishes its
 * last response after `close()` began would otherwise linger until its keep-alive timeout.
 */
export function trackConnections(server: Server): { closeWhenIdle(): void } {
  const active = new Map<Socket, number>();
  let closing = false;
  server.on('connection', (socket: Socket) => {
    active.set(socket, 0);
    socket.once('close', () => active.delete(socket));
  });
  server.on('request', (req, res) => {
    const socket = req.socket;
    active.set(socket, (active.get(socket) ?? 0) + 1);
    res.once('close', () => {
      const left = (active.get(socket) ?? 1) - 1;
      active.set(socket, left);
      if (closing && left === 0) socket.destroySoon();
    });
  });
  return {
    closeWhenIdle() {
      closing = true;
      for (const [socket, n] of active) if (n === 0) socket.destroy();
    },
  };
}
