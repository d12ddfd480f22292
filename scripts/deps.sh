# Sourced by run.sh and test.sh: installs whatever Debian 12 packages are missing, and nothing else.
rl_require_packages() {
    local missing=()
    local p
    for p in "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "rlstudio: installing ${missing[*]}" >&2
    local sudo=()
    [ "$(id -u)" -eq 0 ] || sudo=(sudo)
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

RL_BUILD_PACKAGES=(
    cmake ninja-build g++ pkg-config
    qt6-base-dev libqt6opengl6-dev qt6-charts-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    qt6-httpserver-dev qt6-websockets-dev
    qt6-svg-dev  # charts and the window exported as SVG
    libboost-dev  # Boost.Beast and Asio (header-only): the HTTP server of the API and the client of `rlstudio load`
    prometheus-cpp-dev nlohmann-json3-dev libeigen3-dev libyaml-cpp-dev libsqlite3-dev
    qt6-translations-l10n  # Qt's own strings (dialog buttons, --help) in the window's language
)

# Configures and builds one tree: rl_build DIR [cmake options...]
rl_build() {
    local dir=$1
    shift
    cmake -S "$RL_ROOT" -B "$dir" -G Ninja "$@" >/dev/null
    cmake --build "$dir" -j "$(nproc)"
}
