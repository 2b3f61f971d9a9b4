#!/bin/sh
# bench/fuzz_marc.sh — build the libFuzzer target test/fuzz/fuzz_marc.c
# (the command line's ISO 2709 and MARC-in-JSON readers and writers, and
# the core's 880 plan) with clang and run it for a bounded time.
#
#   bench/fuzz_marc.sh [SECONDS] [extra libFuzzer flags...]
#
# SECONDS defaults to 60.  Under build/fuzz_marc/: the binary, seeds made
# here (records of test/marc/cli_check.sh's kind, built by revrit marc),
# the corpus and any crash-*/leak-*/timeout-* reproducers.
# Needs clang and libclang-rt-14-dev (as bench/fuzz.sh).
set -eu

cd "$(dirname "$0")/.."
SECONDS_TO_RUN=${1:-60}
[ $# -gt 0 ] && shift
OUT=build/fuzz_marc
CC=${CLANG:-clang}
mkdir -p "$OUT/seeds" "$OUT/corpus"

# shellcheck disable=SC2046
"$CC" -g -O1 -fno-omit-frame-pointer \
	-fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
	-Wall -Wextra $(pkg-config --cflags icu-uc icu-i18n) -Isrc/core -Isrc/cli \
	-o "$OUT/fuzz_marc" test/fuzz/fuzz_marc.c src/cli/marc_iso2709.c \
	src/cli/marc_jsonl.c src/cli/marc_rec.c src/core/*.c \
	$(pkg-config --libs icu-uc icu-i18n) -lm

# seeds: byte 0 picks the reader (0 ISO 2709, 1 JSON lines)
json='{"leader": "00000cam a2200000 i 4500", "fields": [{"001": "f1"}, {"008": "200101s1990    is            000 1 heb d"}, {"100": {"ind1": "1", "ind2": " ", "subfields": [{"6": "880-02"}, {"a": "Levi, Yosef,"}]}}, {"245": {"ind1": "1", "ind2": "3", "subfields": [{"a": "ha-Bayit ha-yashan :"}, {"b": "sipurim /"}, {"c": "Yosef Levi."}]}}]}'
printf '\001%s\n' "$json" > "$OUT/seeds/json"
if [ -x build/revrit ]; then
	{ printf '\000'; printf '%s\n' "$json" | build/revrit marc --to iso2709; } \
		> "$OUT/seeds/iso2709" || true
fi

exec "$OUT/fuzz_marc" -max_total_time="$SECONDS_TO_RUN" -max_len=20000 \
	-timeout=10 -rss_limit_mb=1500 -artifact_prefix="$OUT/" "$@" \
	"$OUT/corpus" "$OUT/seeds"
