// Serves the preset of graphile.config.mjs on BENCH_PG_PORT, plus GET /bench/stats (the counter).
import { createServer } from "node:http";
import { postgraphile } from "postgraphile";
import { grafserv } from "postgraphile/grafserv/node";
import preset, { stats } from "./graphile.config.mjs";

const serv = postgraphile(preset).createServ(grafserv);
const handler = serv.createHandler();
const server = createServer((req, res) => {
  if (req.url === "/bench/stats") {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify(stats));
    return;
  }
  handler(req, res);
});
server.keepAliveTimeout = 65_000;
server.listen(Number(process.env.BENCH_PG_PORT || 5678), "127.0.0.1", () => {
  console.log(`PostGraphile on http://127.0.0.1:${server.address().port}/graphql`);
});
