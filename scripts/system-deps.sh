#!/bin/sh
# Installs the Debian packages ctg needs when they are missing:
#   tesseract-ocr + tesseract-ocr-fra  OCR of scanned pages
#   fonts-dejavu-core                  fonts of the corpus builder (corpus/build.py)
set -eu
missing=""
command -v tesseract >/dev/null 2>&1 || missing="$missing tesseract-ocr"
if ! tesseract --list-langs 2>/dev/null | grep -qx fra; then missing="$missing tesseract-ocr-fra"; fi
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing="$missing fonts-dejavu-core"
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
