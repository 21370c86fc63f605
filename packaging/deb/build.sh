#!/usr/bin/env bash
# Debian packages of the two frozen bundles, made with dpkg-deb (the distribution's own tool):
#   hall-center    dist/hall-center   → /usr/lib/hall-center, /usr/bin/hall-center, systemd unit hall-center
#   hall-terminal  dist/hall-terminal → /usr/lib/hall-terminal, /usr/bin/hall, user unit hall-kiosk,
#                                       udev rules giving the readers and printers to the dialout group
# Usage: packaging/deb/build.sh [OUTDIR]   (after `pyinstaller build.spec`; OUTDIR defaults to dist/deb)
# LINTIAN=1 checks each package with lintian (overrides only for what a frozen bundle is by nature).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
top="$(cd "$here/../.." && pwd)"
out="${1:-$top/dist/deb}"
version="$(python3 -c 'import re,sys; print(re.search(r"\"(.+)\"", open(sys.argv[1]).read()).group(1))' "$top/app/__init__.py")"
arch="$(dpkg --print-architecture)"
date_rfc="$(date -R -d @"${SOURCE_DATE_EPOCH:-$(git -C "$top" log -1 --format=%ct 2>/dev/null || date +%s)}")"
mkdir -p "$out"

doc() {  # doc ROOT PACKAGE SUMMARY: copyright, changelog, README into /usr/share/doc/PACKAGE
  local root="$1" pkg="$2" d="$1/usr/share/doc/$2"
  install -d "$d"
  sed "s/@PACKAGE@/$pkg/" "$here/copyright" > "$d/copyright"
  printf '%s (%s) stable; urgency=medium\n\n  * Release %s.\n\n -- Hall team <hall-team@hall.invalid>  %s\n' \
    "$pkg" "$version" "$version" "$date_rfc" | gzip -9n > "$d/changelog.gz"
  install -m 0644 "$top/README.md" "$d/README"
  gzip -9n "$d/README"
}

man() {  # man ROOT COMMAND SUMMARY
  local d="$1/usr/share/man/man1"
  install -d "$d"
  printf '.TH %s 1 "" "hall %s" "User Commands"\n.SH NAME\n%s \\- %s\n.SH SYNOPSIS\n.B %s\n.I COMMAND\n[\\fIOPTIONS\\fR]\n.SH DESCRIPTION\nRun\n.B %s \\-\\-help\nfor the commands and\n.B %s\n.I COMMAND\n.B \\-\\-help\nfor their options. The README in /usr/share/doc tells the rest.\n' \
    "$2" "$version" "$2" "$3" "$2" "$2" "$2" | gzip -9n > "$d/$2.1.gz"
}

control() {  # control ROOT PACKAGE DEPENDS SUMMARY DESCRIPTION
  local root="$1" size
  install -d "$root/DEBIAN"
  size="$(du -sk --exclude=DEBIAN "$root" | cut -f1)"
  cat > "$root/DEBIAN/control" <<CONTROL
Package: $2
Version: $version
Architecture: $arch
Maintainer: Hall team <hall-team@hall.invalid>
Installed-Size: $size
Depends: $3
Section: misc
Priority: optional
Homepage: https://hall.invalid/
Description: $4
$5
CONTROL
}

overrides() {  # overrides ROOT PACKAGE
  install -d "$1/usr/share/lintian/overrides"
  sed "s/@PACKAGE@/$2/g" "$here/lintian-overrides" > "$1/usr/share/lintian/overrides/$2"
  chmod 0644 "$1/usr/share/lintian/overrides/$2"
}

bundle() {  # bundle ROOT NAME: the frozen folder into /usr/lib/NAME, permissions made regular
  test -d "$top/dist/$2" || { echo "no dist/$2: run pyinstaller build.spec first" >&2; exit 1; }
  install -d "$1/usr/lib"
  cp -a "$top/dist/$2" "$1/usr/lib/$2"
  find "$1/usr/lib/$2" -type d -exec chmod 0755 {} +
  find "$1/usr/lib/$2" -type f -exec chmod 0644 {} +
  find "$1/usr/lib/$2" -type f \( -name '*.so' -o -name '*.so.*' \) -exec chmod 0644 {} +
}

build() {  # build ROOT PACKAGE
  chmod 0755 "$1/DEBIAN"
  find "$1" -path "$1/DEBIAN" -prune -o -type d -exec chmod 0755 {} +
  dpkg-deb --root-owner-group -Zgzip --build "$1" "$out/${2}_${version}_${arch}.deb" >/dev/null
  echo "$out/${2}_${version}_${arch}.deb ($(du -h "$out/${2}_${version}_${arch}.deb" | cut -f1))"
}

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# ---- hall-center
root="$work/hall-center"
bundle "$root" hall-center
chmod 0755 "$root/usr/lib/hall-center/hall-center"
install -d "$root/usr/bin" "$root/lib/systemd/system" "$root/etc/hall"
ln -s ../lib/hall-center/hall-center "$root/usr/bin/hall-center"
install -m 0644 "$here/hall-center.service" "$root/lib/systemd/system/hall-center.service"
install -m 0644 "$here/hall.toml" "$root/etc/hall/hall.toml"
doc "$root" hall-center
man "$root" hall-center "center server of the one-stop government service hall"
overrides "$root" hall-center
control "$root" hall-center "libc6, adduser" "center server of the one-stop government service hall" \
" The center of the hall software (FastAPI on PostgreSQL or a SQLite file): the
 queue, the change log that the terminals replicate, the API. A frozen bundle
 with its own Python; no Qt. Start it with: systemctl enable --now hall-center"
echo "/etc/hall/hall.toml" > "$root/DEBIAN/conffiles"
install -m 0755 "$here/center.postinst" "$root/DEBIAN/postinst"
build "$root" hall-center

# ---- hall-terminal
root="$work/hall-terminal"
bundle "$root" hall-terminal
chmod 0755 "$root/usr/lib/hall-terminal/hall"
install -d "$root/usr/bin" "$root/usr/lib/systemd/user" "$root/usr/lib/udev/rules.d"
ln -s ../lib/hall-terminal/hall "$root/usr/bin/hall"
install -m 0644 "$here/hall-kiosk.service" "$root/usr/lib/systemd/user/hall-kiosk.service"
install -m 0644 "$here/70-hall-devices.rules" "$root/usr/lib/udev/rules.d/70-hall-devices.rules"
doc "$root" hall-terminal
man "$root" hall "terminals of the one-stop government service hall (kiosk, counter, queue screen)"
overrides "$root" hall-terminal
control "$root" hall-terminal \
  "libc6, sensible-utils, libegl1, libgl1, libxkbcommon0, libfontconfig1, libdbus-1-3, libxcb-cursor0, libxkbcommon-x11-0, libxcb-icccm4, libxcb-keysyms1" \
  "terminals of the one-stop government service hall" \
" The kiosk, the counter with its customer window, the queue screen and the
 manager console (Qt), with the ID-card reader and receipt-printer drivers. A
 frozen bundle with its own Python; no server. The kiosk runs as a user unit:
 systemctl --user enable --now hall-kiosk"
install -m 0755 "$here/terminal.postinst" "$root/DEBIAN/postinst"
build "$root" hall-terminal

if [[ "${LINTIAN:-0}" == 1 ]]; then
  for deb in "$out"/hall-center_"$version"_"$arch".deb "$out"/hall-terminal_"$version"_"$arch".deb; do
    echo "lintian $(basename "$deb")"
    lintian --fail-on error,warning --tag-display-limit 0 "$deb"
  done
fi
