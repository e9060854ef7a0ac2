// PostGraphile 5 over the Zhili bench database (bench/README.md). Environment:
//   BENCH_DATABASE_URL  postgres://postgres@127.0.0.1:5432/zhili_bench_<scale> (introspects as the owner;
//                       every request runs as role zhili_bench_user, so row-level security applies)
//   BENCH_JWT_SECRET    HS256 secret shared with bench/driver.py, which signs one JWT per bench user
import { appendFileSync } from "node:fs";
import pg from "pg";
import { PostGraphileAmberPreset } from "postgraphile/presets/amber";
import { PgLazyJWTPreset } from "postgraphile/presets/lazy-jwt";
import { makePgService } from "postgraphile/adaptors/pg";

// Statement counter (read by the driver from GET /bench/stats): every statement a pooled client
// sends, split into data statements and transaction control (begin/commit, the set_config that
// carries the JWT claims).
export const stats = { statements: 0, data: 0 };
const SQL_LOG = process.env.BENCH_SQL_LOG; // bench/explain.py: every statement as a JSON line
const CONTROL = /^\s*(begin|commit|rollback|savepoint|release|select set_config)/i;

export const pool = new pg.Pool({ connectionString: process.env.BENCH_DATABASE_URL, max: 10 });
pool.on("connect", (client) => {
  const query = client.query.bind(client);
  client.query = (config, ...rest) => {
    const text = typeof config === "string" ? config : config?.text ?? "";
    stats.statements += 1;
    if (!CONTROL.test(text)) stats.data += 1;
    if (SQL_LOG) appendFileSync(SQL_LOG, JSON.stringify({ text, values: config?.values ?? rest[0] }) + "\n");
    return query(config, ...rest);
  };
});

/** @type {GraphileConfig.Preset} */
const preset = {
  extends: [PostGraphileAmberPreset, PgLazyJWTPreset],
  pgServices: [makePgService({ pool, schemas: ["public"] })],
  grafserv: {
    graphqlPath: "/graphql",
    graphiql: false,
    watch: false,
    pgJwtSecret: process.env.BENCH_JWT_SECRET,
  },
  grafast: { explain: false },
};
export default preset;
