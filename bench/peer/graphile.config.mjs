// The bench's peer: PostGraphile 5 with the amber preset, as a user would
// run it against our database, with nothing in front of it: no
// authentication, no JWT, no access checks. The harness (bench/peer.go)
// sets PEER_DATABASE_URL and PEER_PORT.
import { PostGraphileAmberPreset } from "postgraphile/presets/amber";
import { makePgService } from "postgraphile/adaptors/pg";
import { jsonPgSmartTags } from "postgraphile/utils";

// Amber only offers `condition:` on columns with a (non-partial) index.
// The "current" rows the pages ask for are found by IS NULL on columns
// that only partial indexes cover, so these smart tags make them
// filterable (PostgreSQL still uses the partial indexes). Without them the
// peer would have to fetch whole histories; the figures measured
// both ("with filterable columns", and stock).
const filterable = (...columns) => ({
  attribute: Object.fromEntries(columns.map((c) => [c, { tags: { behavior: "+filterBy" } }])),
});
const CurrentRowsFilterable = jsonPgSmartTags({
  version: 1,
  config: {
    class: {
      residencies: filterable("move_out_at"),
      care_episodes: filterable("ended_at", "superseded_at"),
      peer_assignments: filterable("ended_at"),
    },
  },
});

/** @type {GraphileConfig.Preset} */
export default {
  extends: [PostGraphileAmberPreset],
  plugins: [CurrentRowsFilterable],
  pgServices: [
    makePgService({
      connectionString: process.env.PEER_DATABASE_URL,
      schemas: ["public"],
      // The same bound as ours (server/store: 40 open, all kept idle);
      // pg's default of 10 would cap the peer below 16 concurrent requests.
      poolConfig: { max: 40 },
    }),
  ],
  grafserv: {
    host: "127.0.0.1",
    port: Number(process.env.PEER_PORT),
    watch: false,
    graphiql: false,
    graphiqlOnGraphQLGET: false,
  },
  grafast: { explain: false },
};
