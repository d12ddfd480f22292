#!/usr/bin/env bash
# Builds and runs the whole test suite (installing missing Debian packages): every test in a release
# build, then the core engine's tests again under ThreadSanitizer (g++), and built with clang under
# AddressSanitizer + UndefinedBehaviorSanitizer together with its libFuzzer targets, each fuzzing for
# RLSTUDIO_FUZZ_SECONDS (default 30). Exits non-zero if anything fails.
set -euo pipefail
RL_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
source "$RL_ROOT/scripts/deps.sh"

# clang-14's libFuzzer and sanitizer runtimes come with libclang-rt-14-dev, which clang only recommends.
rl_require_packages "${RL_BUILD_PACKAGES[@]}" xvfb xauth prometheus clang libclang-rt-14-dev clang-format \
    locales  # a German locale compiled in a test (localedef), none installed
rl_require_packages python3  # tst_routeexample runs examples/route_and_feedback.py

run_suite() {
    local name=$1 dir=$2
    shift 2
    echo "== $name: build"
    rl_build "$dir" "$@"
    echo "== $name: test"
    ctest --test-dir "$dir" --output-on-failure -j 2
}

echo "== style: clang-format (.clang-format)"
(cd "$RL_ROOT" && find core gui widgets bench fuzz tests \( -name '*.cpp' -o -name '*.h' \) -print0 |
    xargs -0 clang-format --dry-run --Werror)

run_suite "release" "$RL_ROOT/build" -DCMAKE_BUILD_TYPE=Release

export TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1 suppressions=$RL_ROOT/tests/tsan.supp"
run_suite "core under ThreadSanitizer" "$RL_ROOT/build-tsan" \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo -DRLSTUDIO_CORE_ONLY=ON -DRLSTUDIO_SANITIZE=thread

export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
run_suite "core built with clang under AddressSanitizer + UndefinedBehaviorSanitizer, and its fuzz targets" \
    "$RL_ROOT/build-clang-asan" -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo -DRLSTUDIO_CORE_ONLY=ON -DRLSTUDIO_SANITIZE=address,undefined \
    -DRLSTUDIO_FUZZ=ON -DRLSTUDIO_FUZZ_SECONDS="${RLSTUDIO_FUZZ_SECONDS:-30}"

echo "== all suites passed"
