// A TCP proxy in front of a server that a test can freeze, thaw and slow down (issue 15): frozen,
// it keeps every connection open and passes nothing on, as a PostgreSQL stopped with SIGSTOP
// looks from the outside; thawed, what waited flows on. With a delay, every chunk in either
// direction is held that long (in order), as a slow or distant server answers.
import net from "node:net";

export type PausableProxy = {
  port: number;
  freeze(): void;
  thaw(): void;
  /** Holds each chunk this many milliseconds before passing it on; 0 passes at once. */
  setDelay(ms: number): void;
  close(): Promise<void>;
};

export async function pausableProxy(target: { host: string; port: number }): Promise<PausableProxy> {
  let frozen = false;
  let delayMs = 0;
  const pipes = new Set<{ a: net.Socket; b: net.Socket }>();
  /** Passes `from`'s chunks on to `to`, each after the delay, never overtaking an earlier one. */
  const forward = (from: net.Socket, to: net.Socket) => {
    let last = 0;
    from.on("data", (chunk) => {
      if (delayMs === 0 && last <= Date.now()) return void to.write(chunk);
      last = Math.max(last, Date.now() + delayMs);
      setTimeout(() => to.destroyed || to.write(chunk), last - Date.now());
    });
    from.on("end", () => setTimeout(() => to.end(), Math.max(0, last - Date.now())));
  };
  const server = net.createServer((a) => {
    const b = net.connect(target.port, target.host);
    const pipe = { a, b };
    pipes.add(pipe);
    forward(a, b);
    forward(b, a);
    // After the data listeners, which set the streams flowing.
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
    setDelay(ms: number) {
      delayMs = Math.max(0, ms);
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
