#!/usr/bin/env bash
# Makes `podman build` and `podman kube play` work on a Debian machine with no container registry
# in reach (CI, the development machines): installs podman, configures it for this kind of host,
# and builds the `node:20-bookworm-slim` base image locally from Debian's packages and this
# machine's own Node.js. Idempotent: every step is skipped when its result is already there.
#
# Where a registry is reachable, none of this is needed: `docker build` pulls the real base image.
set -euo pipefail

BASE_IMAGE="node:20-bookworm-slim"
SUDO=""
[ "$(id -u)" = 0 ] || SUDO="sudo"

# 1. podman, with runc (crun fails on these hosts) and debootstrap for the base image.
if ! command -v podman >/dev/null || ! command -v runc >/dev/null || ! command -v debootstrap >/dev/null; then
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq podman runc debootstrap >/dev/null
fi

# 2. containers.conf: runc, cgroupfs (no systemd here) and ulimits the host allows (podman's
#    default nofile limit is above this machine's hard limit, so every container would fail).
conf=/etc/containers/containers.conf
want="# written by scripts/container-setup.sh
[containers]
default_ulimits = [\"nofile=$(ulimit -Hn):$(ulimit -Hn)\", \"nproc=32768:32768\"]

[engine]
runtime = \"runc\"
cgroup_manager = \"cgroupfs\"
events_logger = \"file\"
"
if [ "$(cat "$conf" 2>/dev/null)" != "$want" ]; then
  $SUDO mkdir -p /etc/containers
  printf '%s' "$want" | $SUDO tee "$conf" >/dev/null
fi

# 3. The base image, unless it is there already (pulled, or built by an earlier run).
if podman image exists "$BASE_IMAGE"; then
  echo "container-setup: $BASE_IMAGE is present"
  exit 0
fi
started=$(date +%s)
rootfs=$(mktemp -d /tmp/node-base.XXXXXX)
trap '$SUDO rm -rf "$rootfs"' EXIT
# The Debian mirror apt already uses on this machine.
mirror=$(grep -rhoE '^(URIs:|deb) +https?://[^ ]+/debian/?( |$)' /etc/apt/sources.list /etc/apt/sources.list.d/ 2>/dev/null |
  grep -oE 'https?://[^ ]+' | head -n1 || true)
mirror=${mirror:-http://deb.debian.org/debian}
$SUDO debootstrap --variant=minbase bookworm "$rootfs" "$mirror" >/dev/null

# What the official image adds: Node.js, npm and corepack in /usr/local, and a `node` user (uid 1000).
node_bin=$(readlink -f "$(command -v node)")
node_lib=$(npm root -g)
$SUDO install -m 0755 "$node_bin" "$rootfs/usr/local/bin/node"
$SUDO mkdir -p "$rootfs/usr/local/lib/node_modules"
for pkg in npm corepack; do
  [ -d "$node_lib/$pkg" ] && $SUDO cp -a "$node_lib/$pkg" "$rootfs/usr/local/lib/node_modules/"
done
$SUDO ln -sf ../lib/node_modules/npm/bin/npm-cli.js "$rootfs/usr/local/bin/npm"
$SUDO ln -sf ../lib/node_modules/npm/bin/npx-cli.js "$rootfs/usr/local/bin/npx"
[ -d "$rootfs/usr/local/lib/node_modules/corepack" ] &&
  $SUDO ln -sf ../lib/node_modules/corepack/dist/corepack.js "$rootfs/usr/local/bin/corepack"
$SUDO chroot "$rootfs" sh -c 'groupadd --gid 1000 node && useradd --uid 1000 --gid node --shell /bin/bash --create-home node'
# npm inside a build trusts the certificate authorities this machine trusts.
$SUDO install -m 0644 /etc/ssl/certs/ca-certificates.crt "$rootfs/usr/local/share/host-ca-certificates.crt"
$SUDO rm -rf "$rootfs/var/cache/apt/archives/"*.deb "$rootfs/var/lib/apt/lists/"*

$SUDO tar -C "$rootfs" -c . | podman import \
  --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
  --change "ENV NODE_VERSION=$(node -p 'process.versions.node')" \
  --change 'ENV NODE_EXTRA_CA_CERTS=/usr/local/share/host-ca-certificates.crt' \
  --change 'CMD ["node"]' \
  - "$BASE_IMAGE" >/dev/null
echo "container-setup: built $BASE_IMAGE from debootstrap in $(($(date +%s) - started)) s"
