#!/usr/bin/env bash
# Mutation testing (README, "Development"): breaks the production code of
# the domain packages and the store in small ways, one at a time, runs the
# package's tests against each, and lists the mutants no test noticed.
#
#   scripts/mutate.sh                   a sample of 50 mutants per package
#   SAMPLE=0 scripts/mutate.sh          every mutant (hours on 2 cores)
#   SAMPLE=80 SEED=7 scripts/mutate.sh ./app/cite    another sample, one package
#   MUTATOR=gremlins scripts/mutate.sh  github.com/go-gremlins/gremlins
#                                       instead: every mutant, its operators
#
# Slow by design; not part of scripts/test.sh or CI (make mutate). The
# survivors judged not worth a test are in scripts/mutate/SURVIVORS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
export LANG=en_US.UTF-8
pkgs=("$@")
[ ${#pkgs[@]} -gt 0 ] || pkgs=(./app/article ./app/cite ./app/anchor ./app/srs ./app/deck ./app/timeline ./store)

if [ "${MUTATOR:-}" = gremlins ]; then
	# v0.6.0 works with Go 1.26; it copies the module for each mutant.
	for p in "${pkgs[@]}"; do
		nice -n 15 go run github.com/go-gremlins/gremlins/cmd/gremlins@v0.6.0 unleash \
			--workers 1 --test-cpu 1 -S lt "$p"
	done
	exit
fi
exec nice -n 15 go run ./scripts/mutate -sample "${SAMPLE:-50}" -seed "${SEED:-1}" "${pkgs[@]}"
