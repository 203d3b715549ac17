# Sourced by every script that builds Glossa: the Go build tags of the
# program students run. no_emoji leaves Fyne's 4 MB colour emoji font out
# of the binary: Fyne 2.7 parses it once for every text style it draws
# through the theme (4.7 MB of memory and about 25 ms each, before the
# first frame), though no string of the window and no rune of the
# article needs it. An emoji a student types is drawn from the system's
# emoji font, like any rune the shipped fonts lack (README, "Fonts").
# shellcheck shell=bash
GLOSSA_TAGS=no_emoji
