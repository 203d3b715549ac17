#!/usr/bin/env bash
# Installs anki-reader, the independent reader the .apkg export is tested
# with, into the test-tool cache and prints its directory (read.mjs beside it).
exec "$(dirname "$0")/../npm-test-tool.sh" anki-reader 0.3.0 "$(dirname "$0")/read.mjs"
