import type { Server } from 'node:http';
import net, { type Socket } from 'node:net';

/** A connection idle this long during shutdown is closed; less, and a request may still be on its way. */
const IDLE_GRACE_MS = 1_000;

/**
 * Tracks each HTTP connection's state so shutdown can stop accepting, answer every request already
 * on a connection, and close connections only once they are idle. Node's own `server.close()` cuts
 * every connection without an active request at once, including a fresh one whose request has not
 * been read yet: that client gets ECONNRESET.
 */
export class HttpDrain {
  /** Idle connections and since when; a busy connection is absent. */
  private readonly idleSince = new Map<Socket, number>();
  private readonly sockets = new Set<Socket>();
  private closing = false;

  constructor(
    private readonly server: Server,
    private readonly onClose?: (open: number, busy: number) => void,
  ) {
    server.on('connection', (socket: Socket) => {
      this.sockets.add(socket);
      this.idleSince.set(socket, Date.now());
      socket.once('close', () => {
        this.sockets.delete(socket);
        this.idleSince.delete(socket);
      });
    });
    server.on('request', (req, res) => {
      const socket = req.socket;
      this.idleSince.delete(socket);
      if (this.closing) res.shouldKeepAlive = false;
      res.once('close', () => {
        if (!socket.destroyed) this.idleSince.set(socket, Date.now());
      });
    });
  }

  /**
   * Stops accepting; answers what arrives on open connections (with `Connection: close`); closes
   * connections idle for a moment; cuts the rest after `deadlineMs`. Resolves true when every
   * connection ended by itself.
   */
  close(deadlineMs: number): Promise<boolean> {
    this.closing = true;
    this.onClose?.(this.sockets.size, this.sockets.size - this.idleSince.size);
    return new Promise((resolve) => {
      let drained = true;
      const sweep = setInterval(() => this.closeIdle(), 100);
      const cut = setTimeout(() => {
        drained = false;
        for (const socket of this.sockets) socket.destroy();
      }, deadlineMs);
      // net.Server's close: stop listening without http.Server's immediate closeIdleConnections().
      net.Server.prototype.close.call(this.server, () => {
        clearInterval(sweep);
        clearTimeout(cut);
        resolve(drained);
      });
      this.closeIdle();
    });
  }

  private closeIdle(): void {
    const now = Date.now();
    for (const [socket, since] of this.idleSince) if (now - since >= IDLE_GRACE_MS) socket.destroy();
  }
}
