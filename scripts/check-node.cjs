// Runs before tsx in `npm start` and `npm run dev`, in syntax any Node.js can parse, so an old
// Node.js says which version is needed instead of failing on syntax deep in a dependency.
"use strict";
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS on purpose: old Node.js must load it */
var fs = require("fs");
var path = require("path");

function parts(version) {
  var match = /(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(version || "");
  return match ? [Number(match[1]), Number(match[2] || 0), Number(match[3] || 0)] : null;
}

/** Whether `version` (e.g. "20.18.1" or "v22.1.0") meets a ">=MAJOR.MINOR[.PATCH]" range. */
function satisfies(version, range) {
  var have = parts(version);
  var need = parts(range);
  if (!have || !need) return true; // a range this check cannot read is left to npm
  for (var i = 0; i < 3; i++) {
    if (have[i] !== need[i]) return have[i] > need[i];
  }
  return true;
}

function main() {
  var pkg = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "package.json"), "utf8"));
  var range = (pkg.engines && pkg.engines.node) || "";
  // PAC_NODE_VERSION_FOR_TEST lets the test stand for an old Node.js.
  var version = process.env.PAC_NODE_VERSION_FOR_TEST || process.versions.node;
  if (satisfies(version, range)) return;
  // Built apart from the call: prettier would add a trailing comma to a wrapped call (Node.js 8+).
  var message = "[console] Node.js " + range.replace(">=", "") + " or newer is needed, this is " + version;
  console.error(message + ": install the current LTS from https://nodejs.org (or `nvm install --lts`), then run npm start again");
  process.exit(1);
}

module.exports = { satisfies: satisfies };
if (require.main === module) main();
