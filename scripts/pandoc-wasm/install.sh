#!/usr/bin/env bash
# Installs pandoc-wasm (pandoc 3, the Pandoc project's own WebAssembly
# build) into the test-tool cache and prints its directory (run.mjs beside
# it): Debian's pandoc 2.17 reads BibTeX and CSL-JSON but not RIS.
exec "$(dirname "$0")/../npm-test-tool.sh" pandoc-wasm 1.1.0 "$(dirname "$0")/run.mjs"
