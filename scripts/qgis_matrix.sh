#!/usr/bin/env bash
# Run make targets of this repository on another QGIS version, inside a throw-away Debian root
# file system (chroot) that is built once with debootstrap and cached under build/rootfs/.
#
#   scripts/qgis_matrix.sh 3.40 test demo      # QGIS 3.40 LTR on Debian 13 (trixie)
#   scripts/qgis_matrix.sh 3.44 test           # QGIS 3.44 on Debian unstable (sid)
#
# The Makefile calls this for `make test-matrix` and `make test|demo|... QGIS=<version>`.
# Needs root (chroot, mount). Each target runs as `make <target>` on a copy of the work tree
# inside the rootfs; all targets run even if one fails, and the exit status is non-zero if any
# failed. Logs: build/matrix-logs/qgis-<version>-<target>.log (and -setup.log).
# A rootfs is complete when build/rootfs/<suite>/.hotspot-packages lists the installed packages;
# without .hotspot-base (debootstrap interrupted) it is removed and built again.
set -euo pipefail

usage() { echo "usage: $0 {3.22|3.40|3.44} make-target..." >&2; exit 2; }
[ $# -ge 2 ] || usage
VERSION=$1; shift
case "$VERSION" in
    3.22) SUITE=bookworm ;;
    3.40) SUITE=trixie ;;
    3.44) SUITE=sid ;;
    *) echo "unknown QGIS version $VERSION (known: 3.22 bookworm, 3.40 trixie, 3.44 sid)" >&2; usage ;;
esac
[ "$(id -u)" = 0 ] || { echo "$0 needs root (debootstrap, mount, chroot)" >&2; exit 1; }

REPO=$(cd "$(dirname "$0")/.." && pwd)
ROOTFS=$REPO/build/rootfs/$SUITE
LOGDIR=$REPO/build/matrix-logs
MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
SRC=/root/hotspot                       # where the work tree is copied inside the rootfs
# The Makefile's Debian packages (exported by make) plus what the harness itself needs.
APT_PACKAGES=${APT_PACKAGES:-$(make -s --no-print-directory -C "$REPO" print-apt-packages)}
EXTRA_PACKAGES="make git ca-certificates e2fsprogs procps fonts-dejavu-core"
PACKAGES=$(echo $APT_PACKAGES $EXTRA_PACKAGES | tr ' ' '\n' | sort -u | tr '\n' ' ')
mkdir -p "$LOGDIR" "$REPO/build/rootfs"
# The physical path: /proc/self/mountinfo names mounts by it, so unmount_all also finds them when
# build/rootfs is a symbolic link (to a root file system shared by several work trees).
ROOTFS=$(cd "$REPO/build/rootfs" && pwd -P)/$SUITE

log() { echo "[qgis-matrix $VERSION/$SUITE $(date +%T)] $*"; }

# --- mounts ---------------------------------------------------------------------------------
# Everything mounted below the rootfs, innermost (most recent) first.
mounts_below() {
    awk -v root="$ROOTFS/" 'index($5, root) == 1 { print $5 }' /proc/self/mountinfo | tac
}

unmount_all() {
    local m
    for m in $(mounts_below); do
        umount "$m" 2>/dev/null || umount -l "$m" || echo "warning: could not unmount $m" >&2
    done
}

mount_all() {
    mount -t proc proc "$ROOTFS/proc"
    mount -t sysfs sysfs "$ROOTFS/sys"
    mount --bind /dev "$ROOTFS/dev"
    mount --make-private "$ROOTFS/dev"     # so the tmpfs below never shows up on the host's /dev
    mount --bind /dev/pts "$ROOTFS/dev/pts"
    mkdir -p "$ROOTFS/dev/shm"
    mount -t tmpfs -o mode=1777 tmpfs "$ROOTFS/dev/shm"
}

in_root() {   # run a command in the rootfs with a clean environment
    local env=(PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin HOME=/root
               LANG=C.UTF-8 TERM="${TERM:-dumb}" DEBIAN_FRONTEND=noninteractive)
    local v
    for v in CI $(compgen -e | grep -E '^(PIP_|https?_proxy$|HTTPS?_PROXY$|no_proxy$|NO_PROXY$)' || true); do
        [ -n "${!v:-}" ] && env+=("$v=${!v}")
    done
    chroot "$ROOTFS" env -i "${env[@]}" "$@" </dev/null
}

# --- the root file system -------------------------------------------------------------------
remove_rootfs() {
    unmount_all
    if [ -n "$(mounts_below)" ]; then
        echo "still mounted below $ROOTFS, not removing it" >&2; exit 1
    fi
    rm -rf --one-file-system "$ROOTFS"
}

ensure_host_tools() {
    local missing=() t
    for t in debootstrap rsync; do command -v "$t" >/dev/null || missing+=("$t"); done
    if [ ${#missing[@]} -gt 0 ]; then
        log "installing on the host: ${missing[*]}"
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
    fi
}

ensure_base() {
    [ -f "$ROOTFS/.hotspot-base" ] && return
    [ -e "$ROOTFS" ] && { log "removing the incomplete rootfs $ROOTFS"; remove_rootfs; }
    log "debootstrap --variant=minbase $SUITE $ROOTFS $MIRROR"
    debootstrap --variant=minbase "$SUITE" "$ROOTFS" "$MIRROR"
    unmount_all   # debootstrap may leave its own mounts behind
    # No daemons are started by package scripts inside the chroot.
    printf '#!/bin/sh\nexit 101\n' >"$ROOTFS/usr/sbin/policy-rc.d"
    chmod +x "$ROOTFS/usr/sbin/policy-rc.d"
    date -u +%FT%TZ >"$ROOTFS/.hotspot-base"
}

ensure_packages() {   # (mounted) install the packages unless the stamp lists exactly these
    [ "$(cat "$ROOTFS/.hotspot-packages" 2>/dev/null)" = "$PACKAGES" ] && return
    log "apt-get install (--no-install-recommends): $PACKAGES"
    rm -f "$ROOTFS/.hotspot-packages"
    in_root dpkg --configure -a
    # sid's Release file may be older than its Valid-Until when a mirror lags behind.
    in_root apt-get -qq -o Acquire::Check-Valid-Until=false update
    # shellcheck disable=SC2086
    in_root apt-get install -y -qq --no-install-recommends $PACKAGES
    in_root apt-get clean
    echo "$PACKAGES" >"$ROOTFS/.hotspot-packages"
}

copy_host_config() {   # DNS, pip configuration and local CA certificates, as on the host
    cp -L /etc/resolv.conf "$ROOTFS/etc/resolv.conf"
    local f
    [ -f /etc/pip.conf ] && cp /etc/pip.conf "$ROOTFS/etc/pip.conf"
    for f in /etc/xdg/pip:/etc/xdg/pip "$HOME/.config/pip:/root/.config/pip" "$HOME/.pip:/root/.pip"; do
        if [ -d "${f%%:*}" ]; then
            rm -rf "$ROOTFS${f#*:}"; mkdir -p "$(dirname "$ROOTFS${f#*:}")"
            cp -a "${f%%:*}" "$ROOTFS${f#*:}"
        fi
    done
    if [ -d /usr/local/share/ca-certificates ]; then
        mkdir -p "$ROOTFS/usr/local/share/ca-certificates"
        cp -a /usr/local/share/ca-certificates/. "$ROOTFS/usr/local/share/ca-certificates/"
        in_root update-ca-certificates >/dev/null
    fi
}

copy_work_tree() {   # the chroot keeps its own .venv and build/ between runs
    mkdir -p "$ROOTFS$SRC"
    rsync -a --delete --exclude=/.venv --exclude=/build --exclude=/.git --exclude=__pycache__ \
        --exclude=.pytest_cache "$REPO/" "$ROOTFS$SRC/"
}

# --- main -----------------------------------------------------------------------------------
exec 9>"$REPO/build/rootfs/$SUITE.lock"
flock -n 9 || { log "waiting for another run on $SUITE"; flock 9; }
trap unmount_all EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
unmount_all   # left over from a killed run

started=$(date +%s)
{
    ensure_host_tools
    ensure_base
    mount_all
    ensure_packages
    copy_host_config
    copy_work_tree
    log "QGIS $(in_root dpkg-query -W -f='${Version}' qgis), $(in_root python3 --version)"
} 2>&1 | tee "$LOGDIR/qgis-$VERSION-setup.log"
[ "${PIPESTATUS[0]}" = 0 ] || { log "setting up the rootfs failed, see $LOGDIR/qgis-$VERSION-setup.log"; exit 1; }
log "rootfs ready in $(( $(date +%s) - started )) s"

failed=()
for target in "$@"; do
    t0=$(date +%s)
    log "make $target"
    set +e
    in_root make -C "$SRC" --no-print-directory "$target" 2>&1 | tee "$LOGDIR/qgis-$VERSION-$target.log"
    rc=${PIPESTATUS[0]}
    set -e
    log "make $target: exit $rc after $(( $(date +%s) - t0 )) s (log: $LOGDIR/qgis-$VERSION-$target.log)"
    [ "$rc" = 0 ] || failed+=("$target")
done
log "done in $(( $(date +%s) - started )) s; failed: ${failed[*]:-none}"
[ ${#failed[@]} = 0 ]
