#!/bin/sh
# bench/fuzz.sh — build the libFuzzer target test/fuzz/fuzz_convert.c with
# clang (-fsanitize=fuzzer,address,undefined) and run it for a bounded time.
#
#   bench/fuzz.sh [SECONDS] [extra libFuzzer flags...]
#
# SECONDS defaults to 60 (or $FUZZ_SECONDS).  Everything goes under
# build/fuzz/: the binary, the seed corpus (written from the titles below,
# realistic romanized Hebrew written for this script), the growing corpus
# and any crash-*/leak-*/timeout-* reproducers.  Environment:
#   REVRIT_RULES_DIR  rule files (default: rules)
#   REVRIT_LEXICON    a compiled lexicon to rank with (default: none)
#   FUZZ_JOBS         parallel fuzzing jobs (default 1)
#   FUZZ_CFLAGS       extra compiler flags (e.g. -O2)
# Needs clang and libclang-rt-14-dev:  apt-get install clang libclang-rt-14-dev
set -eu

cd "$(dirname "$0")/.."
SECONDS_TO_RUN=${1:-${FUZZ_SECONDS:-60}}
[ $# -gt 0 ] && shift
OUT=build/fuzz
CC=${CLANG:-clang}
JOBS=${FUZZ_JOBS:-1}

command -v "$CC" >/dev/null 2>&1 || {
	echo "fuzz.sh: $CC not found; apt-get install clang libclang-rt-14-dev" >&2
	exit 2
}
mkdir -p "$OUT/seeds" "$OUT/corpus"

# ---- build ------------------------------------------------------------------
ICU_CFLAGS=$(pkg-config --cflags icu-uc icu-i18n)
ICU_LIBS=$(pkg-config --libs icu-uc icu-i18n)
# shellcheck disable=SC2086
"$CC" -g -O1 -fno-omit-frame-pointer \
	-fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
	-Wall -Wextra ${FUZZ_CFLAGS:-} $ICU_CFLAGS -Isrc/core \
	-o "$OUT/fuzz_convert" test/fuzz/fuzz_convert.c src/core/*.c \
	$ICU_LIBS -lm

# ---- seed corpus: one title per file, first byte = option selector ---------
# (the target reads byte 0 as options: bit 0 ASCII hyphen, bit 1 keep years,
# bit 2 ASCII geresh, bits 3-4 standard: default / auto / first / second)
i=0
while IFS= read -r title; do
	[ -n "$title" ] || continue
	i=$((i + 1))
	printf '%s%s' "$(printf "\\$(printf '%03o' $((i % 32)))")" "$title" \
		> "$OUT/seeds/title-$i"
done <<'EOF'
Sefer ha-zikaron li-ḳehilat Ṿarshah
Toldot ha-Yehudim be-artsot ha-Islam : meḥḳarim u-teʻudot / ʻorekh Shemuʼel Etinger
Ḥayim Naḥman Byaliḳ : ḥayav vi-yetsirato
ha-Sifrut ha-ʻIvrit ba-meʼah ha-ʻesrim
Shirim u-poʼemot / Leʼah Goldberg ; ʻarikhah, Ṭuviyah Rivner
Tel Aviv : Hotsaʼat ʻAm ʻoved, 1985
Yerushalayim : Yad Yitsḥaḳ Ben-Tsevi, 708 [1948]
Keneset Yiśraʼel u-Medinat Yiśraʼel
Me-ʻolam ha-ḳabalah : ḳovets maʼamarim
Perusho shel Rashi la-Torah
Dinim u-minhagim le-Shabat ṿe-la-moʻadim
Sipurim ʻal ha-yeled ha-ḳaṭan = Stories about the little boy
ʻIyunim ba-Miḳra : le-zikhro shel Mosheh Ṿainfeld
Ḳeriʼah ṿe-khetivah ba-gan
Ketav-yad Parmah / [ha-ʻorekh, Daṿid Rozenṭal]
ha-Ḥinukh ha-Yehudi be-Germanyah ba-shanim 1933-1943
Shene ʻolamot : roman
Mikhtavim me-Erets-Yiśraʼel, 651-661 [1891-1901]
be-"Ḥaderah" : zikhronot
u-ve-Yerushalayim ḳarʼu lo
Osef ha-teʻudot shel ha-Sokhnut ha-Yehudit. Kerekh 2, 1940-1945
Ṭeʻudot le-toldot ha-Tsiyonut
Maḥzor le-Rosh ha-Shanah ṿe-Yom ha-Kipurim
Sefer ha-Ḥasidim : ʻal pi nusaḥ ketav-yad Parmah
Geʼografyah shel Erets Yiśraʼel / D. Ḥ. ʻAmiran
Leḳsiḳon ha-sifrut ha-ʻIvrit ba-dorot ha-aḥaronim
Shenaton ha-mishpaṭ ha-ʻIvri. Kerekh 13 (747 [1987])
Ḥag ha-Pesaḥ ba-ḳibuts
Mi-Bagdad li-Yerushalayim
She-lo yishkeḥu
Hagadah shel Pesaḥ : ʻim perush ʻIyun tefilah
Sefer ha-ḥinnukh / Aharon ha-Levi mi-Barẓelona
Šulḥan ʻarukh : Oraḥ ḥayyim
Toledot ʿam Yiśrāʾēl bîmê ha-bayit ha-šēnî
Qibbuṣ Deganya : sippur ha-qevuṣa ha-rišona
Beit ha-kneset ha-gadol be-Tel Aviv
Mahad. 2, metuḳenet u-murḥevet
Pirḳe Avot : ʻim perush R. ʻOvadyah mi-Berṭinoro
ha-Ḥevrah ha-Yiśreʼelit be-ʻidan shel temurot
ʻAl ha-nisim ṿe-ʻal ha-purḳan
Sipur ʼahavah ʼAmeriḳaʼi
Maʼamarim ṿe-reshimot : 1920-1950 / Y. Ḥ. Brener
ṾEHA-ʻOLAM HA-ZEH
בית הספר = Bet ha-sefer
Yalḳuṭ Shimʻoni ʻal ha-Torah (Salonika, 286 [1526])
ḳ ḥ ṭ ṿ ś ʻ ʼ ʾ ʿ ' ’ ‘ ʹ ′
Sifriyat "Poʻalim" ; 12
Reshimat ha-sefarim (1-3)
1999 : 12 ; [3-4] / 5. - (6) = 7
' ` | ʹ ′ : 708 [1948]
EOF
echo "fuzz.sh: $i seed titles, $(ls "$OUT/corpus" | wc -l) inputs in the corpus so far"

# ---- run ----------------------------------------------------------------------
echo "fuzz.sh: fuzzing for ${SECONDS_TO_RUN}s with $JOBS job(s)"
cd "$OUT"
if [ "$JOBS" -gt 1 ]; then
	set -- -jobs="$JOBS" -workers="$JOBS" "$@"
fi
REVRIT_RULES_DIR=${REVRIT_RULES_DIR:-$(cd ../.. && pwd)/rules}
export REVRIT_RULES_DIR
set +e
./fuzz_convert -max_total_time="$SECONDS_TO_RUN" -max_len=4096 \
	-timeout=10 -rss_limit_mb=4096 -print_final_stats=1 "$@" corpus seeds
rc=$?
set -e
if ls crash-* leak-* timeout-* oom-* >/dev/null 2>&1; then
	echo "fuzz.sh: reproducers in $OUT:" crash-* leak-* timeout-* oom-* 2>/dev/null
fi
exit $rc
