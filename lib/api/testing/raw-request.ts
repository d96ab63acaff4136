// One HTTP/1.1 request written byte for byte, for what fetch refuses to send: the same header
// twice, header values with non-ASCII bytes. Answers the status and body.
import { connect } from "node:net";

export async function rawRequest(baseUrl: string, head: string[], body = ""): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(baseUrl);
  const payload = Buffer.from(body);
  const request = Buffer.concat([
    Buffer.from([...head, `host: ${hostname}:${port}`, `content-length: ${payload.length}`, "connection: close", "", ""].join("\r\n")),
    payload,
  ]);
  return new Promise((resolve, reject) => {
    // write, not end: a server may drop a half-closed connection before it answers; it closes
    // this one itself after answering (connection: close).
    const socket = connect(Number(port), hostname, () => socket.write(request));
    const chunks: Buffer[] = [];
    socket.on("data", (chunk) => chunks.push(chunk));
    socket.on("error", reject);
    socket.on("close", () => {
      const text = Buffer.concat(chunks).toString("utf8");
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0);
      resolve({ status, body: text.slice(text.indexOf("\r\n\r\n") + 4) });
    });
  });
}
