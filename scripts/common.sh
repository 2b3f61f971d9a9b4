#!/usr/bin/env bash
# common.sh — set-up shared by setup-and-demo.sh and test.sh: the Debian
# packages revrit needs, and its build and installation.  Sourced.

REVRIT_PACKAGES=(postgresql-15 postgresql-server-dev-15 libicu-dev pkg-config
	build-essential hunspell-he tesseract-ocr tesseract-ocr-heb
	tesseract-ocr-yid python3	# python3: scripts/test-docs.py
	libxml2-dev)	# libxml2: revrit_marcxml, revrit marc (MARCXML)
# TAP tests (PostgreSQL::Test::Cluster needs IPC::Run); the fuzzer (libFuzzer)
REVRIT_PACKAGES+=(libipc-run-perl clang libclang-rt-14-dev)

export DEBIAN_FRONTEND=noninteractive

# Root runs commands as is; anyone else through sudo.
revrit_sudo() {
	if [ "$(id -u)" -eq 0 ]; then
		"$@"
	else
		sudo "$@"
	fi
}

# Install the packages that are missing; nothing to do (and no network
# needed) when all are there already.
revrit_install_packages() {
	local missing=() p status
	for p in "${REVRIT_PACKAGES[@]}"; do
		status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null)
		if [ "$status" != "install ok installed" ]; then
			missing+=("$p")
		fi
	done
	if [ ${#missing[@]} -eq 0 ]; then
		echo "revrit: packages already installed"
		return 0
	fi
	echo "revrit: installing ${missing[*]}"
	revrit_sudo apt-get update -q &&
		revrit_sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
}

# Build everything (the .so, the command-line tool, the lexicon) and install.
revrit_build_install() {
	make -s -j"$(nproc)" && revrit_sudo make -s install
}
