# Shared by scripts/run and scripts/test: installs the Debian packages the
# build needs (only those missing) and configures a CMake build directory.
# Usage: source scripts/setup.sh; configure_build BUILD_DIR [CMAKE_ARGS...]

set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
REQUIRED_PACKAGES=(g++ cmake make pkg-config libcpp-httplib-dev nlohmann-json3-dev
                   libboost-program-options-dev catch2)

install_missing_packages() {
  local missing=()
  for package in "${REQUIRED_PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
      missing+=("$package")
    fi
  done
  if [ "${#missing[@]}" -eq 0 ]; then
    return
  fi
  echo "Installing missing packages: ${missing[*]}"
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    sudo="sudo"
  fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

configure_build() {
  local build_dir="$1"
  shift
  install_missing_packages
  cmake -S "$REPO_ROOT" -B "$build_dir" "$@" >/dev/null
}

build_jobs() {
  nproc 2>/dev/null || echo 2
}
