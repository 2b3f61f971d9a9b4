# revrit — PGXS build of the extension, the command-line tool, the lexicon
# and the core unit tests.
#
#   make                 the extension .so, build/revrit and build/hebrew.rvlex
#   make install         the extension, rules/*.rules, the lexicon and the
#                        command-line tool (as revrit in pg_config --bindir)
#   make unit            build and run test/unit/test_*.c (no PostgreSQL)
#   make installcheck    pg_regress against a running server

EXTENSION = revrit
MODULE_big = revrit

# Wildcards, so a new source file needs no Makefile edit.
CORE_SRCS = $(sort $(wildcard src/core/*.c))
PG_SRCS = $(sort $(wildcard src/pg/*.c))
CLI_SRCS = $(sort $(wildcard src/cli/*.c))
# Build-time and evaluation code (lexicon compiler, scorer): a static
# library for the command-line tool and the unit tests, not in revrit.so.
TOOLS_SRCS = $(sort $(wildcard src/tools/*.c))
UNIT_SRCS = $(sort $(wildcard test/unit/test_*.c))
SQL_SRCS = $(sort $(wildcard src/sql/*.sql))
RULE_FILES = $(sort $(wildcard rules/*.rules))
# word lists (given names, places) install beside the rule files
WORDLIST_FILES = $(sort $(wildcard data/names/*.rules data/places/*.rules))

CORE_OBJS = $(CORE_SRCS:.c=.o)
TOOLS_OBJS = $(TOOLS_SRCS:.c=.o)
TOOLS_LIB = build/librevrit-tools.a
# The scorer is in revrit.so as well: revrit_evaluate() (src/pg/learned_sql.c)
# reports exactly what "revrit eval" reports.  The lexicon compiler is not.
SCORER_OBJS = src/tools/score.o src/tools/score_text.o
OBJS = $(CORE_OBJS) $(SCORER_OBJS) $(PG_SRCS:.c=.o)

DATA_built = revrit--0.1.sql

# Every sql/*.sql is a regression test, in name order.
REGRESS = $(sort $(basename $(notdir $(wildcard sql/*.sql))))

ICU_CFLAGS := $(shell pkg-config --cflags icu-uc icu-i18n)
ICU_LIBS := $(shell pkg-config --libs icu-uc icu-i18n)

PG_CPPFLAGS = $(ICU_CFLAGS)
# revrit.so exports only what PostgreSQL calls (build/revrit.exports).
SHLIB_LINK = $(ICU_LIBS) -lm -Wl,--version-script=build/revrit.exports

# libxml2, for revrit_marcxml (src/pg/marc_xml.c) and the CLI's MARCXML
# (src/cli/marc_xml_io.c); PostgreSQL links it too.
XML2_CFLAGS := $(shell xml2-config --cflags)
XML2_LIBS := $(shell xml2-config --libs)
PG_CPPFLAGS += $(XML2_CFLAGS)
SHLIB_LINK += $(XML2_LIBS)

EXTRA_CLEAN = build $(CLI_SRCS:.c=.o) $(TOOLS_OBJS) revrit--0.1.sql

# The Hebrew lexicon is compiled from Debian's hunspell-he (AGPL-3) on the
# user's machine; it is never committed.  No dictionary, no lexicon.
HUNSPELL_DIC ?= /usr/share/hunspell/he_IL.dic
# (Only once the command-line tool has sources to build.)
ifneq ($(CLI_SRCS),)
CLI = build/revrit
CLI_INSTALLED = build/revrit-installed
ifneq ($(wildcard $(HUNSPELL_DIC)),)
LEXICON = build/hebrew.rvlex
endif
# Words in common use (optional): they let ranking prefer a common word to a
# rare homograph.  No Tesseract data, no list.
TESSDATA_HEB ?= $(firstword $(wildcard /usr/share/tesseract-ocr/*/tessdata/heb.traineddata))
ifneq ($(TESSDATA_HEB),)
ifneq ($(shell command -v dawg2wordlist),)
COMMON_WORDS = build/hebrew-common.txt
endif
endif
# Word frequencies (wordfreq, CC BY-SA 4.0): shipped compressed and
# unchanged in data/wordfreq-he, decompressed here for the compiler.
WORDFREQ_PACK ?= data/wordfreq-he/large_he.msgpack.gz
ifneq ($(wildcard $(WORDFREQ_PACK)),)
WORDFREQ = build/wordfreq-he.msgpack
endif
# The Yiddish lexicon (rules/yiddish.rules names it): Tesseract's Yiddish
# word list (Apache-2.0), from Debian's tesseract-ocr-yid.
TESSDATA_YID ?= $(firstword $(wildcard /usr/share/tesseract-ocr/*/tessdata/yid.traineddata))
ifneq ($(TESSDATA_YID),)
ifneq ($(shell command -v dawg2wordlist),)
YIDDISH_LEXICON = build/yiddish.rvlex
endif
endif
endif

PG_CONFIG ?= pg_config
PGXS := $(shell $(PG_CONFIG) --pgxs)
include $(PGXS)

# The core must build warning-free with -Wextra too.  Its symbols are
# hidden: a backend that loads revrit.so sees none of them.
$(CORE_OBJS) $(TOOLS_OBJS): override CFLAGS += -Wextra
$(CORE_OBJS): override CFLAGS += -fvisibility=hidden
$(TOOLS_OBJS) $(TOOLS_OBJS:.o=.bc): override CPPFLAGS += -Isrc/core

# The symbols revrit.so exports: _PG_init, the module magic, and each C
# function the extension's SQL names (AS 'MODULE_PATHNAME', 'symbol') with
# its info record.  Everything else, the glue's helpers included, stays
# local (a symbol PostgreSQL looks up by name elsewhere, such as a
# background worker's entry point, must be added to the global list).
# Check with: nm -D --defined-only revrit.so (scripts/test-cli.sh does).
build/revrit.exports: $(SQL_SRCS)
	@mkdir -p build
	{ echo '{ global: Pg_magic_func; _PG_init;'; \
	  cat $^ | tr '\n' ' ' | \
		grep -o "'MODULE_PATHNAME' *, *'[A-Za-z0-9_]*'" | \
		sed "s/.*, *'\(.*\)'/  \1; pg_finfo_\1;/" | sort -u; \
	  echo 'local: *; };'; } > $@

$(MODULE_big)$(DLSUFFIX): build/revrit.exports

# Header dependencies (PGXS tracks none without --enable-depend): an object
# older than a header it includes is rebuilt, and so is its JIT bitcode.
# Without this a changed struct in a private header leaves stale objects
# that disagree about its layout.  The .d files live under build/deps.
src/%.o: src/%.c
	@mkdir -p $(dir build/deps/$*)
	$(CC) $(CFLAGS) $(CPPFLAGS) -MMD -MP -MF build/deps/$*.d -c -o $@ $<

-include $(shell find build/deps build/unit -name '*.d' 2>/dev/null)
ifeq ($(with_llvm), yes)
$(OBJS:.o=.bc): %.bc: %.o
endif

all: $(CLI) $(CLI_INSTALLED) $(LEXICON) $(YIDDISH_LEXICON)

revrit--0.1.sql: $(SQL_SRCS)
	cat $^ > $@

# ---- command-line tool ---------------------------------------------------

# src/cli/defaults.c is built twice: build/revrit reads the rules and the
# lexicon of this source tree; build/revrit-installed, which make install
# copies to $(bindir)/revrit, reads the installed ones under $(datadir).
CLI_OBJS = $(filter-out src/cli/defaults.o,$(CLI_SRCS:.c=.o))

$(TOOLS_LIB): $(TOOLS_OBJS)
	@mkdir -p build
	rm -f $@
	$(AR) rcs $@ $^

# The default paths as a header, rewritten only when they change.
build/cli/defaults-%.h: FORCE
	@mkdir -p build/cli
	@printf '#define REVRIT_DEFAULT_RULES "%s"\n#define REVRIT_DEFAULT_LEXICON "%s"\n' \
		'$(if $(filter tree,$*),$(CURDIR)/rules:$(CURDIR)/data/names:$(CURDIR)/data/places,$(datadir)/revrit)' \
		'$(if $(filter tree,$*),$(CURDIR)/build,$(datadir)/revrit)/hebrew.rvlex' > $@.tmp
	@cmp -s $@.tmp $@ || mv $@.tmp $@; rm -f $@.tmp

build/cli/defaults-%.o: src/cli/defaults.c build/cli/defaults-%.h
	$(CC) $(CFLAGS) $(CPPFLAGS) -include build/cli/defaults-$*.h -c -o $@ $<

build/revrit: $(CLI_OBJS) build/cli/defaults-tree.o $(TOOLS_LIB) $(CORE_OBJS)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(ICU_LIBS) $(XML2_LIBS) -lm

build/revrit-installed: $(CLI_OBJS) build/cli/defaults-installed.o $(TOOLS_LIB) $(CORE_OBJS)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(ICU_LIBS) $(XML2_LIBS) -lm

build/hebrew.rvlex: build/revrit $(HUNSPELL_DIC) $(COMMON_WORDS) $(WORDFREQ)
	@mkdir -p build
	build/revrit lexicon build $(HUNSPELL_DIC) $@ $(if $(COMMON_WORDS),--common $(COMMON_WORDS)) $(if $(WORDFREQ),--freq $(WORDFREQ))

$(WORDFREQ): $(WORDFREQ_PACK)
	@mkdir -p build
	gzip -dc $< > $@.tmp
	mv $@.tmp $@

# The words in common use: Tesseract's Hebrew word list (Apache-2.0), taken
# from Debian's tesseract-ocr-heb with the tesseract-ocr tools.
build/hebrew-common.txt: $(TESSDATA_HEB)
	@mkdir -p build/tessdata
	combine_tessdata -u $< build/tessdata/heb. >/dev/null
	dawg2wordlist build/tessdata/heb.lstm-unicharset build/tessdata/heb.lstm-word-dawg $@.tmp >/dev/null
	mv $@.tmp $@

# Tesseract's Yiddish word list mixes pointed and plain spellings and writes
# װ ױ ײ as ligatures or as two letters: revrit's lexicons hold plain
# letters (points.h), so the points are dropped and the ligatures spelled
# as their two letters.
build/yiddish-words.txt: $(TESSDATA_YID)
	@mkdir -p build/tessdata
	combine_tessdata -u $< build/tessdata/yid. >/dev/null
	dawg2wordlist build/tessdata/yid.lstm-unicharset build/tessdata/yid.lstm-word-dawg $@.raw >/dev/null
	perl -CSD -ne 's/[\x{05B0}-\x{05BD}\x{05BF}\x{05C1}\x{05C2}\x{05C4}\x{05C5}\x{05C7}]//g; \
		s/\x{05F0}/\x{05D5}\x{05D5}/g; s/\x{05F1}/\x{05D5}\x{05D9}/g; s/\x{05F2}/\x{05D9}\x{05D9}/g; \
		print if /^[\x{05D0}-\x{05EA}]+$$/' $@.raw | LC_ALL=C sort -u > $@.tmp
	rm -f $@.raw
	mv $@.tmp $@

build/yiddish.rvlex: build/revrit build/yiddish-words.txt
	build/revrit lexicon build build/yiddish-words.txt $@

# ---- core unit tests -----------------------------------------------------

UNIT_BINS = $(patsubst test/unit/%.c,build/unit/%,$(UNIT_SRCS))

build/unit/%: test/unit/%.c $(TOOLS_LIB) $(CORE_OBJS)
	@mkdir -p build/unit
	$(CC) $(CPPFLAGS) $(CFLAGS) -Isrc/core -Isrc/tools -MMD -MP -MF $@.d \
		$(LDFLAGS) -o $@ $< $(TOOLS_LIB) $(CORE_OBJS) $(ICU_LIBS) -lm

# Run every test even if one fails; fail at the end.
unit: $(UNIT_BINS)
	@status=0; \
	for t in $(UNIT_BINS); do \
		echo "== $$t"; \
		REVRIT_RULES=rules ./$$t || status=1; \
	done; \
	exit $$status

# ---- installation of the data files ---------------------------------------

install: install-revrit-data $(if $(CLI),install-revrit-cli)

install-revrit-cli: $(CLI_INSTALLED)
	$(MKDIR_P) '$(DESTDIR)$(bindir)'
	$(INSTALL_PROGRAM) $(CLI_INSTALLED) '$(DESTDIR)$(bindir)/revrit'

install-revrit-data: $(LEXICON) $(YIDDISH_LEXICON)
	$(MKDIR_P) '$(DESTDIR)$(datadir)/revrit'
ifneq ($(RULE_FILES),)
	$(INSTALL_DATA) $(RULE_FILES) '$(DESTDIR)$(datadir)/revrit/'
endif
ifneq ($(WORDLIST_FILES),)
	$(INSTALL_DATA) $(WORDLIST_FILES) '$(DESTDIR)$(datadir)/revrit/'
endif
ifneq ($(LEXICON),)
	# Install beside and rename over: running backends have the old file
	# memory-mapped, and rewriting it in place would kill them with SIGBUS.
	$(INSTALL_DATA) $(LEXICON) '$(DESTDIR)$(datadir)/revrit/.hebrew.rvlex.new'
	mv -f '$(DESTDIR)$(datadir)/revrit/.hebrew.rvlex.new' '$(DESTDIR)$(datadir)/revrit/hebrew.rvlex'
	# the lexicon holds wordfreq's frequencies (CC BY-SA 4.0): its attribution
	$(INSTALL_DATA) NOTICE '$(DESTDIR)$(datadir)/revrit/NOTICE'
endif
ifneq ($(YIDDISH_LEXICON),)
	$(INSTALL_DATA) $(YIDDISH_LEXICON) '$(DESTDIR)$(datadir)/revrit/.yiddish.rvlex.new'
	mv -f '$(DESTDIR)$(datadir)/revrit/.yiddish.rvlex.new' '$(DESTDIR)$(datadir)/revrit/yiddish.rvlex'
endif

uninstall: uninstall-revrit-data

uninstall-revrit-data:
	rm -rf '$(DESTDIR)$(datadir)/revrit'
	rm -f '$(DESTDIR)$(bindir)/revrit'

.PHONY: unit install-revrit-data install-revrit-cli uninstall-revrit-data FORCE
