# Hotspot Veiligheidsscan - build, test, demo and package.
# `make demo` and `make test` do all the set-up on a fresh Debian (bookworm) machine.
# `make test-matrix` (or `make test QGIS=3.40`) runs them on other QGIS versions in a Debian
# chroot cached under build/rootfs/ (scripts/qgis_matrix.sh).

SHELL := /bin/bash
SYS_PYTHON := /usr/bin/python3
VENV := .venv
PY := $(VENV)/bin/python
BUILD := build
VERSION := $(shell sed -n 's/^version=//p' metadata.txt)
ZIP := $(BUILD)/hotspot_plugin-$(VERSION).zip
QGIS_PROFILE_DIR ?= $(HOME)/.local/share/QGIS/QGIS3/profiles/default
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT_PACKAGES := qgis python3-qgis qgis-providers python3-numpy python3-shapely python3-pyproj \
	python3-rasterio python3-scipy python3-matplotlib python3-venv python3-pip poppler-utils xvfb xauth \
	pyqt5-dev-tools qttools5-dev-tools sqlite3 chromium

export QT_QPA_PLATFORM ?= offscreen
export XDG_RUNTIME_DIR ?= /tmp/runtime-$(shell id -u)
export PYTHONDONTWRITEBYTECODE := 1
export PROJ_DATA ?= /usr/share/proj

# The test tools differ per QGIS version: pytest-qgis 3+ needs QGIS >= 3.34, 2.1 fails there.
# Expanded in the recipe, after `deps` has installed QGIS.
REQUIREMENTS = $(shell v=$$(dpkg-query -W -f='$${Version}' python3-qgis 2>/dev/null); \
	dpkg --compare-versions "$$v" ge 3.34 && echo requirements-test-qgis3.34.txt || echo requirements-test.txt)
# QGIS versions of `make test-matrix`; each runs in a Debian rootfs (see scripts/qgis_matrix.sh).
MATRIX := 3.40 3.44

.PHONY: setup deps test test-unit test-qgis demo demo-data bench package install qgis lint i18n clean \
	test-matrix print-apt-packages

setup: deps $(VENV)/.stamp i18n

deps:
	@missing=$$(for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "Installing Debian packages:" $$missing; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi
	@mkdir -p $(XDG_RUNTIME_DIR) && chmod 700 $(XDG_RUNTIME_DIR)

$(VENV)/.stamp: $(wildcard requirements-test*.txt) | deps
	$(SYS_PYTHON) -m venv --system-site-packages $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check -r $(REQUIREMENTS)
	@echo $(REQUIREMENTS) >$@

i18n: $(BUILD)/i18n/hotspot_nl.qm

$(BUILD)/i18n/hotspot_nl.qm: $(wildcard resources/i18n/nl/*.ts)
	$(SYS_PYTHON) scripts/i18n.py compile $(BUILD)/i18n

ifeq ($(QGIS),)
# Both tiers run; the exit status is non-zero if either failed.
test: setup
	rc=0; \
	$(PY) -m pytest -p no:pytest_qgis tests/unit || rc=1; \
	$(PY) -m pytest tests/qgis || rc=1; \
	exit $$rc

test-unit: setup
	$(PY) -m pytest -p no:pytest_qgis tests/unit

test-qgis: setup
	$(PY) -m pytest tests/qgis

demo: setup package
	rm -rf $(BUILD)/demo-profile
	$(MAKE) --no-print-directory install QGIS_PROFILE_DIR=$(BUILD)/demo-profile/profiles/default
	$(PY) scripts/enable_plugin.py $(BUILD)/demo-profile/profiles/default nl >/dev/null
	QGIS_CUSTOM_CONFIG_PATH=$(abspath $(BUILD)/demo-profile) $(PY) scripts/demo.py $(BUILD)/demo

demo-data: setup
	$(PY) scripts/build_demo.py resources/demo

bench: setup
	$(PY) scripts/bench.py

package: setup
	$(PY) scripts/package.py $(ZIP)

lint: setup
	$(PY) -m ruff check hotspot_plugin tests scripts
	$(PY) scripts/check_core_purity.py
	$(PY) scripts/check_qgis4.py
	$(SYS_PYTHON) scripts/i18n.py check

else
# `make test QGIS=3.40`: the same target inside the cached Debian rootfs with that QGIS.
test test-unit test-qgis demo demo-data bench package lint:
	APT_PACKAGES="$(APT_PACKAGES)" scripts/qgis_matrix.sh $(QGIS) $@
endif

# Every target of the matrix on every version, also when one fails; logs in build/matrix-logs/.
test-matrix:
	@rc=0; for v in $(MATRIX); do \
		APT_PACKAGES="$(APT_PACKAGES)" scripts/qgis_matrix.sh $$v test demo || rc=1; done; exit $$rc

install: package
	mkdir -p "$(QGIS_PROFILE_DIR)/python/plugins"
	rm -rf "$(QGIS_PROFILE_DIR)/python/plugins/hotspot_plugin"
	$(PY) -c "import zipfile,sys; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])" $(ZIP) \
		"$(QGIS_PROFILE_DIR)/python/plugins"
	@echo "Installed into $(QGIS_PROFILE_DIR)/python/plugins/hotspot_plugin"

qgis: setup
	rm -rf $(BUILD)/qgis-profile
	$(MAKE) --no-print-directory install QGIS_PROFILE_DIR=$(BUILD)/qgis-profile/profiles/default
	$(PY) scripts/enable_plugin.py $(BUILD)/qgis-profile/profiles/default
	QT_QPA_PLATFORM= qgis --profiles-path $(abspath $(BUILD)/qgis-profile) --noversioncheck \
		--project resources/demo/zuiderwaarde.qgs

print-apt-packages:
	@echo $(APT_PACKAGES)

clean:
	@! grep -q " $(abspath $(BUILD))/" /proc/mounts || { echo "something is mounted below $(BUILD)/"; exit 1; }
	rm -rf --one-file-system $(BUILD) .pytest_cache
