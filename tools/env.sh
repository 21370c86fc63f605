# Shared by tools/demo.sh, tools/test.sh and .ci/run (sourced, not run): set up this checkout on a fresh
# Debian or Ubuntu machine with only Python 3.11+. Everything it installs comes from the project's own
# files: Debian packages from .ci/apt-packages.txt, Python packages from requirements.lock (hashes checked)
# into a virtual environment, .venv in the checkout (HALL_VENV to put it elsewhere).
top="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
venv="${HALL_VENV:-$top/.venv}"
say() { printf '== %s\n' "$*" >&2; }

# ensure_apt SECTION: the Debian packages of .ci/apt-packages.txt up to the line "# -- SECTION ends"
# (runtime: what the product needs to run; all: the test tools and PostgreSQL too).
ensure_apt() {
  local section="$1" pkg missing=()
  while read -r pkg; do
    [[ "$pkg" == "# -- $section ends"* ]] && break
    [[ -z "$pkg" || "$pkg" == \#* ]] && continue
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done < "$top/.ci/apt-packages.txt"
  ((${#missing[@]})) || return 0
  if [[ $(id -u) -ne 0 ]] && ! command -v sudo >/dev/null; then
    say "missing system packages: ${missing[*]} (install them as root: apt-get install ${missing[*]})"
    return 1
  fi
  local as_root=(); [[ $(id -u) -ne 0 ]] && as_root=(sudo)
  say "installing system packages: ${missing[*]}"
  "${as_root[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

ensure_python() {
  local py
  for py in "${PYTHON:-}" python3 python3.13 python3.12 python3.11; do
    [[ -n "$py" ]] && command -v "$py" >/dev/null || continue
    if "$py" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then PY="$py"; return 0; fi
  done
  say "Python 3.11 or newer is needed (apt-get install python3)"; return 1
}

# ensure_venv: the virtual environment with the locked packages and this checkout (editable); reinstalled
# only when requirements.lock or pyproject.toml changed since the last install.
ensure_venv() {
  ensure_python || return 1
  if [[ ! -x "$venv/bin/python" ]]; then
    say "creating the virtual environment $venv"
    if ! "$PY" -m venv "$venv" 2>/dev/null; then
      rm -rf "$venv"
      local v; v=$("$PY" -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')
      say "venv needs Debian's python$v-venv; installing it"
      if [[ $(id -u) -eq 0 ]]; then
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "python$v-venv" >/dev/null
      else
        sudo apt-get install -y -qq "python$v-venv" >/dev/null
      fi
      "$PY" -m venv "$venv"
    fi
  fi
  local stamp="$venv/.hall-installed" want
  want=$(cat "$top/requirements.lock" "$top/pyproject.toml" | sha256sum | cut -d' ' -f1)
  if [[ "$(cat "$stamp" 2>/dev/null)" != "$want" ]]; then
    say "installing the locked Python packages into $venv (a few minutes the first time)"
    "$venv/bin/python" -m pip install -q --disable-pip-version-check --require-hashes -r "$top/requirements.lock"
    "$venv/bin/python" -m pip install -q --disable-pip-version-check --no-deps --no-build-isolation -e "$top"
    echo "$want" > "$stamp"
  fi
  export PATH="$venv/bin:$PATH"
}

ensure_postgres() {
  pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null && return 0
  local version
  for version in $(ls /etc/postgresql 2>/dev/null); do
    pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
  done
  for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && return 0; sleep 1; done
  say "PostgreSQL does not answer at 127.0.0.1:5432 (the center's tests need it; see the README)"
  return 1
}
