// The text a scrape gets: the pool's and the fleet's gauges read now, then every metric of this
// process in the Prometheus text format.
import { readFleet, readPool } from "./fleet";
import { metrics } from "./registry";

export async function exposition(): Promise<{ body: string; contentType: string }> {
  readPool();
  await readFleet();
  const { registry } = metrics();
  return { body: await registry.metrics(), contentType: registry.contentType };
}
