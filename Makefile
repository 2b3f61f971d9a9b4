# revrit — PGXS build of the extension, the command-line tool, the lexicon
# and the core unit tests.
#
#   make                 the extension .so, build/revrit and build/hebrew.rvlex
#   make install         the extension, rules/*.rules and the lexicon
#   make unit            build and run test/unit/test_*.c (no PostgreSQL)
#   make installcheck    pg_regress against a running server

EXTENSION = revrit
MODULE_big = revrit

# Wildcards, so a new source file needs no Makefile edit.
CORE_SRCS = $(sort $(wildcard src/core/*.c))
PG_SRCS = $(sort $(wildcard src/pg/*.c))
CLI_SRCS = $(sort $(wildcard src/cli/*.c))
UNIT_SRCS = $(sort $(wildcard test/unit/test_*.c))
SQL_SRCS = $(sort $(wildcard src/sql/*.sql))
RULE_FILES = $(sort $(wildcard rules/*.rules))

CORE_OBJS = $(CORE_SRCS:.c=.o)
OBJS = $(CORE_OBJS) $(PG_SRCS:.c=.o)

DATA_built = revrit--0.1.sql

# Every sql/*.sql is a regression test, in name order.
REGRESS = $(sort $(basename $(notdir $(wildcard sql/*.sql))))

ICU_CFLAGS := $(shell pkg-config --cflags icu-uc icu-i18n)
ICU_LIBS := $(shell pkg-config --libs icu-uc icu-i18n)

PG_CPPFLAGS = $(ICU_CFLAGS)
SHLIB_LINK = $(ICU_LIBS) -lm

EXTRA_CLEAN = build $(CLI_SRCS:.c=.o) revrit--0.1.sql

# The Hebrew lexicon is compiled from Debian's hunspell-he (AGPL-3) on the
# user's machine; it is never committed.  No dictionary, no lexicon.
HUNSPELL_DIC ?= /usr/share/hunspell/he_IL.dic
# (Only once the command-line tool has sources to build.)
ifneq ($(CLI_SRCS),)
CLI = build/revrit
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
endif

PG_CONFIG ?= pg_config
PGXS := $(shell $(PG_CONFIG) --pgxs)
include $(PGXS)

# The core must build warning-free with -Wextra too.
$(CORE_OBJS): override CFLAGS += -Wextra

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

all: $(CLI) $(LEXICON)

revrit--0.1.sql: $(SQL_SRCS)
	cat $^ > $@

# ---- command-line tool ---------------------------------------------------

CLI_OBJS = $(CLI_SRCS:.c=.o)

build/revrit: $(CLI_OBJS) $(CORE_OBJS)
	@mkdir -p build
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(ICU_LIBS) -lm

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

# ---- core unit tests -----------------------------------------------------

UNIT_BINS = $(patsubst test/unit/%.c,build/unit/%,$(UNIT_SRCS))

build/unit/%: test/unit/%.c $(CORE_OBJS)
	@mkdir -p build/unit
	$(CC) $(CPPFLAGS) $(CFLAGS) -Isrc/core -MMD -MP -MF $@.d $(LDFLAGS) \
		-o $@ $< $(CORE_OBJS) $(ICU_LIBS) -lm

# Run every test even if one fails; fail at the end.
unit: $(UNIT_BINS)
	@status=0; \
	for t in $(UNIT_BINS); do \
		echo "== $$t"; \
		REVRIT_RULES=rules ./$$t || status=1; \
	done; \
	exit $$status

# ---- installation of the data files ---------------------------------------

install: install-revrit-data

install-revrit-data: $(LEXICON)
	$(MKDIR_P) '$(DESTDIR)$(datadir)/revrit'
ifneq ($(RULE_FILES),)
	$(INSTALL_DATA) $(RULE_FILES) '$(DESTDIR)$(datadir)/revrit/'
endif
ifneq ($(LEXICON),)
	# Install beside and rename over: running backends have the old file
	# memory-mapped, and rewriting it in place would kill them with SIGBUS.
	$(INSTALL_DATA) $(LEXICON) '$(DESTDIR)$(datadir)/revrit/.hebrew.rvlex.new'
	mv -f '$(DESTDIR)$(datadir)/revrit/.hebrew.rvlex.new' '$(DESTDIR)$(datadir)/revrit/hebrew.rvlex'
endif

uninstall: uninstall-revrit-data

uninstall-revrit-data:
	rm -rf '$(DESTDIR)$(datadir)/revrit'

.PHONY: unit install-revrit-data uninstall-revrit-data
