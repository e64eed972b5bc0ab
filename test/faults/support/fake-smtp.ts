import net from 'node:net';

/**
 * A minimal SMTP server for fault tests: accepts every message and records it by its
 * X-Guildhall-Message-Id header, unless `hold` is on, in which case it takes the message and never
 * answers (a send that is in flight when the process is killed).
 */
export class FakeSmtp {
  /** Messages accepted (answered 250), by outbox message id. */
  readonly accepted: string[] = [];
  /** Messages whose data arrived, accepted or not. */
  readonly received: string[] = [];
  hold = false;
  /** Milliseconds to wait before accepting a message. */
  delayMs = 0;
  private readonly server = net.createServer((socket) => this.session(socket));
  private readonly sockets = new Set<net.Socket>();

  async listen(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `smtp://127.0.0.1:${(this.server.address() as net.AddressInfo).port}`;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private session(socket: net.Socket): void {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    socket.on('error', () => undefined);
    let buffer = '';
    let inData = false;
    socket.write('220 fake-smtp ready\r\n');
    socket.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('latin1');
      for (;;) {
        if (inData) {
          const end = buffer.indexOf('\r\n.\r\n');
          if (end < 0) return;
          const message = buffer.slice(0, end);
          buffer = buffer.slice(end + 5);
          inData = false;
          const id = /X-Guildhall-Message-Id:\s*(\S+)/i.exec(message)?.[1] ?? 'unknown';
          this.received.push(id);
          if (this.hold) continue;
          setTimeout(() => {
            if (socket.destroyed) return;
            this.accepted.push(id);
            socket.write('250 queued\r\n');
          }, this.delayMs);
          continue;
        }
        const newline = buffer.indexOf('\r\n');
        if (newline < 0) return;
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 2);
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO' || verb === 'HELO') socket.write('250 fake-smtp\r\n');
        else if (verb === 'DATA') {
          inData = true;
          socket.write('354 go ahead\r\n');
        } else if (verb === 'QUIT') socket.end('221 bye\r\n');
        else socket.write('250 ok\r\n');
      }
    });
  }
}
