// The bench's peer: PostGraphile 5 with the amber preset, as a user would
// run it against our database, with nothing in front of it: no
// authentication, no JWT, no access checks. The harness (bench/peer.go)
// sets PEER_DATABASE_URL and PEER_PORT.
import { PostGraphileAmberPreset } from "postgraphile/presets/amber";
import { makePgService } from "postgraphile/adaptors/pg";
import { jsonPgSmartTags } from "postgraphile/utils";

// Amber only offers `condition:` and `orderBy:` on columns with a
// (non-partial) index. The "current" rows the pages ask for are found by
// IS NULL on columns that only partial indexes cover, and pages 2, 4 and 5
// filter or order by a few columns with no index of their own; these smart
// tags make them filterable or orderable (PostgreSQL still uses whatever
// index it has). Without them the peer would have to fetch whole tables or
// histories; the figures measured both ("with filterable columns",
// and stock).
const tagged = (behavior, ...columns) =>
  Object.fromEntries(columns.map((c) => [c, { tags: { behavior } }]));
const CurrentRowsFilterable = jsonPgSmartTags({
  version: 1,
  config: {
    class: {
      residencies: { attribute: tagged("+filterBy", "move_out_at") },
      care_episodes: { attribute: tagged("+filterBy", "ended_at", "superseded_at", "care_level_code") },
      peer_assignments: { attribute: tagged("+filterBy", "ended_at") },
      // pages 2 and 5: notes, active plans and members in care, the
      // catalogue in intensity order, the plans by review date
      updates: { attribute: tagged("+filterBy", "kind") },
      aftercare_plans: { attribute: { ...tagged("+filterBy", "status"), ...tagged("+orderBy", "review_on") } },
      members: { attribute: tagged("+filterBy", "status") },
      care_levels: { attribute: tagged("+orderBy", "intensity") },
      // page 4: the active groups
      groups: { attribute: tagged("+filterBy", "active") },
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
