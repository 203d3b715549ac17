#!/usr/bin/env bash
# Runs every test: vet, then the unit, store, UI (Fyne's test driver) and
# command tests, the crash tests too (`go test -short ./...` leaves those
# out for the everyday loop). Installs the build dependencies first.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh
export LANG=en_US.UTF-8
go vet ./...
go test -count=1 -timeout 30m ./...
