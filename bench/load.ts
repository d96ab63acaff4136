// A minimal closed-loop HTTP/1.1 load generator on raw sockets: each connection sends one request,
// reads the whole response (by content-length), then sends the next. Node's own http client
// costs more CPU per request than the servers measured here, and would make itself the bottleneck.
import { connect } from "node:net";
import { performance } from "node:perf_hooks";

export interface LoadResult {
  requests: number;
  /** Responses whose status was not the expected one, and connections that failed. */
  errors: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
}

export async function runLoad(port: number, request: string, connections: number, seconds: number, expectStatus = 200): Promise<LoadResult> {
  const payload = Buffer.from(request);
  const expected = `HTTP/1.1 ${expectStatus} `;
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;

  // A connection the server closes (Node's maxRequestsPerSocket: its last answer says
  // "Connection: close") is replaced by a new one, as an HTTP client would; the reconnection is
  // part of the next request's latency.
  await Promise.all(
    Array.from(
      { length: connections },
      () =>
        new Promise<void>((resolve) => {
          let sentAt = 0;
          const open = () => {
            sentAt = performance.now();
            const socket = connect(port, "127.0.0.1");
            socket.setNoDelay(true);
            let buffer: Buffer = Buffer.alloc(0);
            let closing = false;
            const send = () => {
              if (performance.now() >= deadline) {
                socket.end();
                resolve();
                return;
              }
              sentAt = performance.now();
              socket.write(payload);
            };
            socket.on("connect", () => socket.write(payload));
            socket.on("error", () => {
              errors++;
              closing = true;
              resolve();
            });
            socket.on("data", (chunk: Buffer) => {
              buffer = buffer.length ? Buffer.concat([buffer, chunk]) : chunk;
              for (;;) {
                const headerEnd = buffer.indexOf("\r\n\r\n");
                if (headerEnd === -1) return;
                const head = buffer.subarray(0, headerEnd).toString("latin1");
                const total = /\r\ntransfer-encoding: *chunked/i.test(head)
                  ? chunkedEnd(buffer, headerEnd + 4)
                  : headerEnd + 4 + Number(/\r\ncontent-length: *(\d+)/i.exec(head)?.[1] ?? 0);
                if (total === -1 || buffer.length < total) return;
                if (!head.startsWith(expected)) errors++;
                latencies.push(performance.now() - sentAt);
                buffer = buffer.subarray(total);
                if (/\r\nconnection: *close/i.test(head)) {
                  closing = true;
                  socket.destroy();
                  if (performance.now() >= deadline) resolve();
                  else open();
                  return;
                }
                send();
              }
            });
            socket.on("close", () => {
              if (!closing && performance.now() < deadline) {
                // Closed without saying so first: counted, then replaced.
                errors++;
                closing = true;
                open();
              }
            });
          };
          open();
        }),
    ),
  );
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * q))] ?? 0;
  return { requests: latencies.length, errors, seconds: elapsed, perSecond: latencies.length / elapsed, p50: at(0.5), p95: at(0.95), p99: at(0.99) };
}

// Where a chunked body (pages from Next) ends, or -1 while it is incomplete.
function chunkedEnd(buffer: Buffer, start: number): number {
  let position = start;
  for (;;) {
    const lineEnd = buffer.indexOf("\r\n", position);
    if (lineEnd === -1) return -1;
    const size = parseInt(buffer.subarray(position, lineEnd).toString("latin1"), 16);
    if (Number.isNaN(size)) throw new Error("bench: malformed chunked response");
    position = lineEnd + 2 + size + 2;
    if (size === 0) return buffer.length >= position ? position : -1;
    if (buffer.length < position) return -1;
  }
}
