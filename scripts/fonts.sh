#!/usr/bin/env bash
# Regenerate assets/fonts: Latin subsets of the Noto Sans faces Fyne embeds
# (fyne.io/fyne/v2/theme/font, the version in go.mod), made with fontTools'
# pyftsubset (Debian: apt-get install fonttools). A developer's tool, not a
# build step: the subsets are committed, and ui/widgets' TestLatinFonts_*
# fail when a translation uses a character the subsets lack.
#
# Why (ui/widgets/fonts.go): Fyne parses every glyph of each face it uses;
# the full faces (3246 glyphs) cost ~11 ms and ~1.3 MB of heap each, the
# subsets (784 glyphs) under 1 ms and 0.2 MB. Kept: Basic Latin, Latin-1,
# Latin Extended-A and the Romanian comma letters (names), spacing
# modifiers, general punctuation, currency, letterlike symbols, arrows,
# mathematical operators, geometric shapes, check marks and U+FFFD (what
# Fyne draws for a missing glyph); with every OpenType layout feature
# (kerning, marks) and no hinting (go-text does not use it). A character
# outside them still shows: Fyne falls back to a system font for it.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v pyftsubset >/dev/null || { echo "fonts: needs pyftsubset (apt-get install fonttools)" >&2; exit 2; }
src=$(go list -m -f '{{.Dir}}' fyne.io/fyne/v2)/theme/font
ranges="U+0020-007E,U+00A0-017F,U+0192,U+0218-021B,U+02C6-02DD,U+2000-206F,U+20A0-20CF,U+2100-2122,U+2190-2199,U+2200-22FF,U+25A0-25FF,U+2713-2717,U+FFFD"
for style in Regular Bold Italic BoldItalic; do
  pyftsubset "$src/NotoSans-$style.ttf" --unicodes="$ranges" --layout-features='*' \
    --no-hinting --desubroutinize --output-file="assets/fonts/NotoSans-$style.latin.ttf"
done
{ echo "NotoSans-*.latin.ttf are subsets (scripts/fonts.sh) of Noto Sans as embedded by"
  echo "Fyne (fyne.io/fyne/v2/theme/font), Version 2.000;GOOG;noto-source:20170915."
  echo "Copyright 2015 Google Inc. All Rights Reserved. Noto Sans has no Reserved"
  echo "Font Name. Licensed under the SIL Open Font License, Version 1.1:"
  echo
  cat "$src/LICENSE.txt"; } > assets/fonts/LICENSE.txt
ls -l assets/fonts
