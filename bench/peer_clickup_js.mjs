// peer_clickup_js.mjs - the 10-page task fetch of bench_fetch_decode, done by the npm package
// clickup.js (https://github.com/ComfortablyCoding/clickup.js), for bench_peer_clickup_js.
//
// usage: node bench/peer_clickup_js.mjs PREFIX_URL MODULE_DIR [RUNS]
//   PREFIX_URL  the API root without the version, e.g. http://127.0.0.1:PORT/api/
//               (clickup.js option request.prefixUrl; it appends "v2/list/{id}/task")
//   MODULE_DIR  .../node_modules/clickup.js (installed by `make bench`)
// Walks list 1 with clickup.list.tasks("1", {page}) from page 0 until last_page, twice as a
// warm-up, then RUNS timed walks (default 7). clickup.js parses each body (ofetch + destr,
// i.e. JSON.parse) into plain objects. Its built-in queue (p-queue) is opened wide so that it
// never waits. Prints one line: "RESULT <median ms> <tasks> <pages>", or "SKIP <reason>".
import { pathToFileURL } from "node:url";
import { performance } from "node:perf_hooks";
import { readFileSync } from "node:fs";
import { join } from "node:path";

const [prefixUrl, moduleDir, runsArg] = process.argv.slice(2);
// never hang `make bench`: give up after 60 s
setTimeout(() => { console.log("SKIP clickup.js took longer than 60 s"); process.exit(0); }, 60000).unref();
const runs = Math.max(1, parseInt(runsArg || "7", 10));

function skip(why) {
  console.log(`SKIP ${why}`);
  process.exit(0);
}

let mod, version = "?";
try {
  const pkg = JSON.parse(readFileSync(join(moduleDir, "package.json"), "utf8"));
  version = pkg.version;
  const entry = (pkg.exports && pkg.exports["."] && pkg.exports["."].import) || pkg.module || pkg.main;
  mod = await import(pathToFileURL(join(moduleDir, entry)).href);
} catch (e) {
  skip(`cannot load clickup.js: ${e.message}`);
}
if (typeof mod.createClickup !== "function") skip(`clickup.js ${version} has no createClickup()`);
const clickup = mod.createClickup({
  token: "pk_bench_js",
  request: { prefixUrl },
  rateLimit: { requests: 100000, interval: 60000 },
});
if (!clickup.list || typeof clickup.list.tasks !== "function") skip(`clickup.js ${version} has no list.tasks()`);

async function walk() {
  let tasks = 0, pages = 0;
  for (let page = 0; ; page++) {
    const data = await clickup.list.tasks("1", { page });
    pages++;
    tasks += data.tasks.length;
    if (data.last_page || data.tasks.length === 0) break;
  }
  return { tasks, pages };
}

let seen;
try {
  for (let i = 0; i < 2; i++) seen = await walk();
} catch (e) {
  skip(`clickup.js ${version} failed against the loopback server: ${e.message}`);
}
const times = [];
for (let i = 0; i < runs; i++) {
  const t0 = performance.now();
  await walk();
  times.push(performance.now() - t0);
}
times.sort((a, b) => a - b);
const median = runs % 2 ? times[(runs - 1) / 2] : (times[runs / 2 - 1] + times[runs / 2]) / 2;
console.log(`RESULT ${median.toFixed(3)} ${seen.tasks} ${seen.pages} ${version}`);
