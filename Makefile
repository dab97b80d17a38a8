# tenken — build, test, benchmark.
#
#   make                 build build/tenken (optimised, gcc)
#   make test            build and run every test with the current compiler
#   make check           what CI runs: tests with gcc, with clang, and under ASan+UBSan,
#                        plus a short fuzzing run
#   make bench           benchmarks (see bench/RESULTS.md)
#   make deps            install the Debian packages the build needs (as root)
#
# BUILD selects the output directory, so several configurations can coexist.

CC      ?= gcc
BUILD   ?= build
OPT     ?= -O2 -g
SAN     ?=
CFLAGS_BASE = -std=c17 -D_GNU_SOURCE -Wall -Wextra -Werror -Wshadow -Wvla -Wformat=2 \
              -Wstrict-prototypes -Wmissing-prototypes -Wno-format-nonliteral
CFLAGS_ALL  = $(CFLAGS_BASE) $(OPT) $(SAN) $(CFLAGS)
LDLIBS_ALL  = -lyaml -lpcre2-8 -lm $(LDLIBS)

DEB_PACKAGES = gcc clang make libyaml-dev libpcre2-dev libcmocka-dev libclang-rt-14-dev python3 \
               python3-jsonschema python3-websocket chromium fonts-ipafont-gothic \
               curl ca-certificates

LIB_SRC   = $(sort $(wildcard lib/*.c))
TOOL_SRC  = $(sort $(wildcard src/*.c))
RULE_FILES = $(sort $(wildcard rules/*/*.rule))
FACT_FILES = $(sort $(wildcard rules/*/provider-facts.json))
UNIT_SRC  = $(sort $(wildcard tests/unit/*.c))

LIB_OBJ   = $(LIB_SRC:%.c=$(BUILD)/%.o) $(BUILD)/gen/rules_embedded.o
TOOL_OBJ  = $(TOOL_SRC:%.c=$(BUILD)/%.o)
UNIT_OBJ  = $(UNIT_SRC:%.c=$(BUILD)/%.o)

.PHONY: all test check deps bench fuzz clean format unit cli-test rule-test truth-test format-test golden-test

all: $(BUILD)/tenken

$(BUILD)/%.o: %.c $(wildcard include/*.h lib/*.h src/*.h tests/*.h)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -Iinclude -c $< -o $@

$(BUILD)/tools/embed_rules: tools/embed_rules.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_BASE) -O1 $< -o $@

$(BUILD)/gen/rules_embedded.c: $(BUILD)/tools/embed_rules $(RULE_FILES) $(FACT_FILES)
	@mkdir -p $(dir $@)
	$(BUILD)/tools/embed_rules $@ $(RULE_FILES) --facts $(FACT_FILES)

$(BUILD)/gen/rules_embedded.o: $(BUILD)/gen/rules_embedded.c lib/engine.h include/tenken.h
	$(CC) $(CFLAGS_ALL) -I. -c $< -o $@

$(BUILD)/libtenken.a: $(LIB_OBJ)
	rm -f $@
	ar rcs $@ $^

$(BUILD)/tenken: $(TOOL_OBJ) $(BUILD)/libtenken.a
	$(CC) $(CFLAGS_ALL) $(TOOL_OBJ) $(BUILD)/libtenken.a $(LDLIBS_ALL) -o $@

$(BUILD)/test-unit: $(UNIT_OBJ) $(BUILD)/libtenken.a
	$(CC) $(CFLAGS_ALL) $(UNIT_OBJ) $(BUILD)/libtenken.a $(LDLIBS_ALL) -lcmocka -o $@

$(BUILD)/test-rules: $(BUILD)/tests/rule_fixtures.o $(BUILD)/src/fs_tree.o $(BUILD)/libtenken.a
	$(CC) $(CFLAGS_ALL) $< $(BUILD)/src/fs_tree.o $(BUILD)/libtenken.a $(LDLIBS_ALL) -o $@

$(BUILD)/test-ground-truth: $(BUILD)/tests/ground_truth.o $(BUILD)/src/fs_tree.o $(BUILD)/libtenken.a
	$(CC) $(CFLAGS_ALL) $< $(BUILD)/src/fs_tree.o $(BUILD)/libtenken.a $(LDLIBS_ALL) -o $@

unit: $(BUILD)/test-unit
	$(BUILD)/test-unit

rule-test: $(BUILD)/test-rules $(BUILD)/tenken
	$(BUILD)/test-rules rules

# tenken's evaluation of every fixture's .tf against the plan Terraform made from it
truth-test: $(BUILD)/test-ground-truth
	$(BUILD)/test-ground-truth $(sort $(wildcard rules/*/tests/*/*.tf))

cli-test: $(BUILD)/tenken
	bash tests/cli/run.sh $(BUILD)/tenken
	bash tests/cli/policy.sh $(BUILD)/tenken

# every report format of one fixed scan, byte for byte (tests/golden/run.sh TENKEN --update
# after a deliberate change)
golden-test: $(BUILD)/tenken
	bash tests/golden/run.sh $(BUILD)/tenken

# report formats: each tests/formats/*.sh checks one family of outputs
format-test: $(BUILD)/tenken
	@set -e; for t in $(sort $(wildcard tests/formats/*.sh)); do bash $$t $(BUILD)/tenken; done

test: unit rule-test truth-test cli-test format-test golden-test

# What CI runs. Each configuration builds into its own directory.
check:
	$(MAKE) test BUILD=build/gcc CC=gcc
	$(MAKE) test BUILD=build/clang CC=clang
	$(MAKE) test BUILD=build/asan CC=clang OPT="-O1 -g" \
	    SAN="-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer"
	$(MAKE) fuzz FUZZ_SECONDS=20

deps:
	@missing=""; for p in $(DEB_PACKAGES); do \
	    dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'install ok installed' || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	    echo "installing:$$missing"; \
	    if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	    $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	else echo "all build dependencies are installed"; fi

# ---- fuzzing (clang's libFuzzer) ----
FUZZ_SECONDS ?= 60
FUZZ_TARGETS = $(basename $(notdir $(wildcard fuzz/fuzz_*.c)))
FUZZ_BUILD = build/fuzz
FUZZ_FLAGS = -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all -O1 -g

$(FUZZ_BUILD)/%: fuzz/%.c $(LIB_SRC) $(wildcard lib/*.h) $(BUILD)/gen/rules_embedded.c
	@mkdir -p $(dir $@)
	clang $(CFLAGS_BASE) $(FUZZ_FLAGS) -I. $< $(LIB_SRC) $(BUILD)/gen/rules_embedded.c $(LDLIBS_ALL) -o $@

fuzz: $(FUZZ_TARGETS:%=$(FUZZ_BUILD)/%)
	@for t in $(FUZZ_TARGETS); do \
	    mkdir -p $(FUZZ_BUILD)/corpus-$$t; \
	    echo "fuzz $$t for $(FUZZ_SECONDS)s"; \
	    if ! $(FUZZ_BUILD)/$$t -max_total_time=$(FUZZ_SECONDS) -max_len=65536 -timeout=10 \
	        -rss_limit_mb=2048 -artifact_prefix=$(FUZZ_BUILD)/crash-$$t- \
	        $(FUZZ_BUILD)/corpus-$$t fuzz/seeds/$$t >$(FUZZ_BUILD)/$$t.log 2>&1; then \
	        tail -n 40 $(FUZZ_BUILD)/$$t.log; echo "fuzz $$t: FAILED"; exit 1; \
	    fi; \
	    grep -E '^Done [0-9]+ runs' $(FUZZ_BUILD)/$$t.log; \
	done

# ---- benchmarks ----
bench: $(BUILD)/tenken
	python3 bench/run.py $(BUILD)/tenken

format:
	clang-format -i $(LIB_SRC) $(TOOL_SRC) lib/*.h src/*.h include/*.h tools/*.c tests/*.c tests/unit/*.c fuzz/*.c

clean:
	rm -rf build
