#!/bin/sh
# Re-records scenes/worker-pool/trace.out with Go 1.26.
#
# The program writes its own execution trace (runtime/trace) to the file named
# by its first argument. Override the toolchain with GO=/path/to/go.
#
# Usage: scenes/worker-pool/record.sh
set -eu
here=$(cd "$(dirname "$0")" && pwd)
GO=${GO:-/opt/go1.26/bin/go}
cd "$here"
GOROOT=$(dirname "$(dirname "$GO")") GOTOOLCHAIN=local GOFLAGS=-mod=mod "$GO" run . "$here/trace.out"
echo "wrote $here/trace.out ($(wc -c < "$here/trace.out") bytes, header: $(head -c 13 "$here/trace.out"))"
