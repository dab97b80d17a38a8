/* Encoding detection, UTF-8 validation and offset -> line/column. */
#include "unit.h"
#include "../../lib/text.h"
#include <stdlib.h>
#include <string.h>

static void utf8_bom_is_skipped(void **state) {
    (void)state;
    tk_text t;
    tk_err e;
    assert_true(tk_text_decode(&t, "\xEF\xBB\xBF{}", 5, 100, &e));
    assert_int_equal(t.encoding, TK_ENC_UTF8_BOM);
    assert_int_equal(t.len, 2);
    assert_memory_equal(t.data, "{}", 2);
    tk_text_free(&t);
}

static void utf16le_is_converted(void **state) {
    (void)state;
    /* BOM, then {"あ":"😀"} in UTF-16LE */
    const unsigned char in[] = {0xFF, 0xFE, '{', 0, '"', 0, 0x42, 0x30, '"', 0, ':', 0, '"', 0,
                                0x3D, 0xD8, 0x00, 0xDE, '"', 0, '}', 0};
    tk_text t;
    tk_err e;
    assert_true(tk_text_decode(&t, in, sizeof in, 100, &e));
    assert_int_equal(t.encoding, TK_ENC_UTF16LE);
    const char want[] = "{\"\xE3\x81\x82\":\"\xF0\x9F\x98\x80\"}";
    assert_int_equal(t.len, strlen(want));
    assert_memory_equal(t.data, want, t.len);
    tk_text_free(&t);
}

static void utf16be_is_converted(void **state) {
    (void)state;
    const unsigned char in[] = {0xFE, 0xFF, 0, '[', 0, '1', 0, ']'};
    tk_text t;
    tk_err e;
    assert_true(tk_text_decode(&t, in, sizeof in, 100, &e));
    assert_int_equal(t.len, 3);
    assert_memory_equal(t.data, "[1]", 3);
    tk_text_free(&t);
}

static void bad_utf16_is_rejected(void **state) {
    (void)state;
    tk_text t;
    tk_err e;
    const unsigned char odd[] = {0xFF, 0xFE, '{', 0, '}'};
    assert_false(tk_text_decode(&t, odd, sizeof odd, 100, &e));
    assert_non_null(strstr(e.msg, "odd number"));
    const unsigned char lone[] = {0xFF, 0xFE, 0x00, 0xDC, '}', 0};
    assert_false(tk_text_decode(&t, lone, sizeof lone, 100, &e));
    assert_non_null(strstr(e.msg, "surrogate"));
    /* UTF-16 without a BOM gets its own explanation. */
    assert_false(tk_text_decode(&t, "{\0\"\0", 4, 100, &e));
    assert_non_null(strstr(e.msg, "byte-order mark"));
}

static void size_limit(void **state) {
    (void)state;
    tk_text t;
    tk_err e;
    assert_false(tk_text_decode(&t, "{\"a\":1}", 7, 6, &e));
    assert_non_null(strstr(e.msg, "limit"));
}

static void utf8_validation(void **state) {
    (void)state;
    size_t bad;
    assert_true(tk_utf8_validate("ascii \xE6\x97\xA5\xE6\x9C\xAC", 12, &bad));
    assert_false(tk_utf8_validate("ab\xC0\xAF", 4, &bad)); /* overlong */
    assert_int_equal(bad, 2);
    assert_false(tk_utf8_validate("\xED\xA0\x80", 3, &bad)); /* surrogate */
    assert_false(tk_utf8_validate("\xF4\x90\x80\x80", 4, &bad)); /* > U+10FFFF */
    assert_false(tk_utf8_validate("\xE6\x97", 2, &bad));          /* truncated */
    assert_false(tk_utf8_validate("\x80", 1, &bad));
}

static void locate(const char *text, size_t off, unsigned line, unsigned col) {
    tk_locator l;
    tk_locator_init(&l, text, strlen(text));
    unsigned ln, c;
    tk_locate(&l, off, &ln, &c);
    assert_int_equal(ln, line);
    assert_int_equal(c, col);
    tk_locator_free(&l);
}

static void lines_and_columns(void **state) {
    (void)state;
    locate("abc", 0, 1, 1);
    locate("abc", 2, 1, 3);
    locate("a\nbc", 3, 2, 2);
    locate("a\r\nbc", 3, 2, 1);   /* CRLF is one line break */
    locate("a\rbc", 2, 2, 1);     /* so is a lone CR */
    /* columns count characters: "日本" is two columns, six bytes */
    locate("\xE6\x97\xA5\xE6\x9C\xAC" "x", 6, 1, 3);
}

static void long_line_checkpoints(void **state) {
    (void)state;
    /* A 20 KiB single line with a multi-byte character every 100 bytes. */
    size_t n = 20000;
    char *t = malloc(n + 1);
    size_t chars = 0;
    for (size_t i = 0; i < n;) {
        if (i % 100 == 0 && i + 3 <= n) {
            memcpy(t + i, "\xE3\x81\x82", 3);
            i += 3;
        } else {
            t[i++] = 'x';
        }
    }
    t[n] = 0;
    tk_locator l;
    tk_locator_init(&l, t, n);
    size_t off = 15001;
    for (size_t i = 0; i < off; i++)
        if (((unsigned char)t[i] & 0xC0) != 0x80) chars++;
    unsigned ln, c;
    tk_locate(&l, off, &ln, &c);
    assert_int_equal(ln, 1);
    assert_int_equal(c, chars + 1);
    tk_locator_free(&l);
    free(t);
}

int run_text_tests(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(utf8_bom_is_skipped),   cmocka_unit_test(utf16le_is_converted),
        cmocka_unit_test(utf16be_is_converted),  cmocka_unit_test(bad_utf16_is_rejected),
        cmocka_unit_test(size_limit),            cmocka_unit_test(utf8_validation),
        cmocka_unit_test(lines_and_columns),     cmocka_unit_test(long_line_checkpoints),
    };
    return cmocka_run_group_tests_name("text", tests, NULL, NULL);
}
