#!/usr/bin/env bash
# Builds RL Feedback Studio (installing missing Debian packages) and runs it with the simulator on.
# Arguments go to rlstudio, e.g. ./scripts/run.sh --headless --listen 127.0.0.1:8000
set -euo pipefail
RL_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
source "$RL_ROOT/scripts/deps.sh"

rl_require_packages "${RL_BUILD_PACKAGES[@]}"
rl_build "$RL_ROOT/build" -DCMAKE_BUILD_TYPE=Release
exec "$RL_ROOT/build/bin/rlstudio" "$@"
