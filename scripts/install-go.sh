#!/bin/sh
# Puts Debian's packaged Go toolchain VERSION (e.g. 1.26) at /opt/goVERSION
# without changing the machine's apt configuration: the packages are fetched
# with a private package list and unpacked, not installed (the toolchain is
# statically linked). Used by CI for the tests that record real traces.
set -eu
version=${1:?usage: install-go.sh VERSION}
target=/opt/go$version
if [ -x "$target/bin/go" ]; then exit 0; fi

state=$(mktemp -d)
trap 'rm -rf "$state"' EXIT
mkdir -p "$state/lists/partial" "$state/debs"
keyring=/usr/share/keyrings/debian-archive-keyring.gpg
for suite in trixie trixie-backports bookworm-backports; do
  echo "deb [signed-by=$keyring] http://deb.debian.org/debian $suite main"
done > "$state/sources.list"
apt_private="-o Dir::Etc::SourceList=$state/sources.list -o Dir::Etc::SourceParts=/dev/null -o Dir::State::Lists=$state/lists -o APT::Sandbox::User=root"

# shellcheck disable=SC2086
apt-get $apt_private update -qq
cd "$state/debs"
# shellcheck disable=SC2086
apt-get $apt_private download -qq "golang-$version-go" "golang-$version-src"
mkdir -p "$target-root"
for package in "$state"/debs/*.deb; do dpkg -x "$package" "$target-root"; done
ln -sfn "$target-root/usr/lib/go-$version" "$target"
"$target/bin/go" version
