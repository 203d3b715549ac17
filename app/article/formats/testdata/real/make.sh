#!/usr/bin/env bash
# Regenerates the pandoc-made files in this folder from the Markdown
# sources kept here (see README.md). Needs pandoc (Debian: apt-get install
# -y pandoc); the files it makes are committed, so tests never need it.
set -euo pipefail
cd "$(dirname "$0")"
pandoc --version | head -1
pandoc -f markdown -t docx -o free-culture-piracy.docx free-culture-piracy.md
pandoc -f markdown -t html -s -o free-culture-piracy.pandoc.html free-culture-piracy.md
pandoc -f markdown -t odt -o free-culture-piracy.odt free-culture-piracy.md
# The benchmark article: the piracy chapter four times over, notes
# renumbered so they run 1-324 without repeats.
for k in 0 1 2 3; do
  tail -n +4 free-culture-piracy.md | # without its three lines of front matter
    perl -pe "s/\[\^(\d+)\]/'[^'.(\$1-14+$k*81).']'/ge"
  echo
done > bench-324.md
pandoc -f markdown -t docx -o bench-324.docx bench-324.md
pandoc -f markdown -t html -s --metadata title=Bench -o bench-324.html bench-324.md
rm bench-324.md
