// A TCP proxy in front of a server that a test can freeze and thaw (issue 15): frozen, it keeps
// every connection open and passes nothing on, as a PostgreSQL stopped with SIGSTOP looks from
// the outside; thawed, what waited flows on.
import net from "node:net";

export type PausableProxy = { port: number; freeze(): void; thaw(): void; close(): Promise<void> };

export async function pausableProxy(target: { host: string; port: number }): Promise<PausableProxy> {
  let frozen = false;
  const pipes = new Set<{ a: net.Socket; b: net.Socket }>();
  const server = net.createServer((a) => {
    const b = net.connect(target.port, target.host);
    const pipe = { a, b };
    pipes.add(pipe);
    a.pipe(b);
    b.pipe(a);
    // After pipe(), which sets the streams flowing.
    if (frozen) {
      a.pause();
      b.pause();
    }
    const end = () => {
      pipes.delete(pipe);
      a.destroy();
      b.destroy();
    };
    a.on("error", end).on("close", end);
    b.on("error", end).on("close", end);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    freeze() {
      frozen = true;
      for (const { a, b } of pipes) {
        a.pause();
        b.pause();
      }
    },
    thaw() {
      frozen = false;
      for (const { a, b } of pipes) {
        a.resume();
        b.resume();
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const { a, b } of pipes) {
          a.destroy();
          b.destroy();
        }
        server.close(() => resolve());
      }),
  };
}
