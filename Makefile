# Release builds of Glossa (README, "Release builds"). Day-to-day work
# needs none of this: scripts/run.sh and scripts/test.sh.
#
#   make dist          Linux package and Windows zip into dist/
#   make dist-check    inspect them, install the Linux one into a temporary
#                      prefix and run it, run glossa.exe under wine if present
#   make dist-macos    on a Mac: the .app, zipped, into dist/
#
# macOS cannot be cross-built (Fyne needs Apple's SDK for cgo); the .app is
# built on a macOS runner by .github/workflows/macos.yml.

# The Fyne packaging tool, pinned, installed outside the repository so
# that `make dist` works from a fresh clone and never dirties it.
FYNE_TOOLS := v1.7.4
TOOLDIR ?= $(or $(XDG_CACHE_HOME),$(HOME)/.cache)/glossa/tools/fyne-$(FYNE_TOOLS)
FYNE := $(TOOLDIR)/fyne

.PHONY: help dist dist-linux dist-windows dist-macos dist-check dist-deps fyne-tool clean-dist

help:
	@sed -n 's/^#   //p' $(firstword $(MAKEFILE_LIST))

dist: dist-deps $(FYNE)
	FYNE=$(FYNE) scripts/dist.sh linux windows

dist-linux: dist-deps $(FYNE)
	FYNE=$(FYNE) scripts/dist.sh linux

dist-windows: dist-deps $(FYNE)
	FYNE=$(FYNE) scripts/dist.sh windows

# Needs only Go and Xcode's command line tools, no apt.
dist-macos: $(FYNE)
	FYNE=$(FYNE) scripts/dist.sh darwin

dist-check:
	scripts/dist.sh --check

# Installs the C toolchains and archivers with apt-get when missing.
dist-deps:
	@scripts/dist-deps.sh

fyne-tool: $(FYNE)

$(FYNE):
	GOBIN=$(TOOLDIR) go install fyne.io/tools/cmd/fyne@$(FYNE_TOOLS)

clean-dist:
	rm -rf dist

# Testing beyond the suite (README, "Development"); slow, not in CI.
#   make fuzz          fuzz every Fuzz* target FUZZTIME each (default 5m),
#                      keeping new corpus entries in testdata/fuzz
#   make mutate        mutation testing of the domain packages and the store
FUZZTIME ?= 5m
.PHONY: fuzz mutate
fuzz:
	FUZZTIME=$(FUZZTIME) scripts/fuzz.sh

mutate:
	scripts/mutate.sh
