#!/bin/sh
# Installs the Debian packages ctg needs when they are missing:
#   tesseract-ocr + tesseract-ocr-fra  OCR of scanned pages
#   fonts-dejavu-core                  fonts of the corpus builder (corpus/build.py)
# With --dev, also what renders the real development set as users' files (corpus/real.py):
#   chromium                           HTML pages printed to PDF by a browser
#   libreoffice-writer-nogui, libreoffice-impress-nogui
#                                      Word documents and PowerPoint decks exported to PDF
#   fonts-liberation2                  the fonts LibreOffice puts for Word's, the same on every machine
set -eu
missing=""
command -v tesseract >/dev/null 2>&1 || missing="$missing tesseract-ocr"
if ! tesseract --list-langs 2>/dev/null | grep -qx fra; then missing="$missing tesseract-ocr-fra"; fi
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing="$missing fonts-dejavu-core"
if [ "${1:-}" = "--dev" ]; then
    command -v chromium >/dev/null 2>&1 || missing="$missing chromium"
    command -v soffice >/dev/null 2>&1 || missing="$missing libreoffice-writer-nogui"
    [ -d /usr/lib/libreoffice/program ] && [ -e /usr/lib/libreoffice/program/libsdlo.so ] \
        || missing="$missing libreoffice-impress-nogui"
    [ -f /usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf ] || missing="$missing fonts-liberation2"
fi
[ -z "$missing" ] && exit 0
echo "installing Debian packages:$missing"
if [ "$(id -u)" -eq 0 ]; then
    SUDO=""
elif command -v sudo >/dev/null 2>&1; then
    SUDO="sudo"
else
    echo "cannot install$missing: run as root or install them with apt-get" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
