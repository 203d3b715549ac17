// Runs pandoc 3 (the official WebAssembly build, npm package pandoc-wasm)
// on one bibliography file, for the export tests: Debian's pandoc 2.17
// has no RIS reader. Usage:
//   node run.mjs FILE FROM csljson   the entries as CSL-JSON
//   node run.mjs FILE FROM plain     the bibliography rendered by citeproc
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { convert } from "pandoc-wasm";

const [file, from, to] = process.argv.slice(2);
const name = basename(file);
const files = { [name]: readFileSync(file, "utf8") };
let res;
if (to === "csljson") {
  res = await convert({ from, to: "csljson", "input-files": [name] }, null, files);
} else {
  res = await convert(
    { from: "markdown", to: "plain", wrap: "none", citeproc: true, bibliography: [name] },
    "---\nnocite: '[@*]'\n---\n",
    files,
  );
}
if (res.stderr) process.stderr.write(res.stderr);
process.stdout.write(res.stdout);
