/* CIDR parsing and the private-range test used by network rules. */
#include "unit.h"
#include "../../lib/cidr.h"
#include <string.h>

static bool parse(const char *s, tk_cidr *c) {
    return tk_cidr_parse(s, strlen(s), c);
}

static void parses_v4_and_v6(void **state) {
    (void)state;
    tk_cidr c;
    assert_true(parse("0.0.0.0/0", &c));
    assert_int_equal(c.prefix, 0);
    assert_false(c.v6);
    assert_true(parse("10.1.2.3", &c));
    assert_int_equal(c.prefix, 32);
    assert_true(parse("::/0", &c));
    assert_true(c.v6);
    assert_int_equal(c.prefix, 0);
    assert_true(parse("2001:db8::1/64", &c));
    assert_int_equal(c.addr[0], 0x20);
    assert_int_equal(c.addr[15], 1);
    assert_true(parse("::ffff:10.0.0.1", &c));
    assert_int_equal(c.addr[12], 10);
    const char *bad[] = {"", "1.2.3", "1.2.3.4/33", "256.1.1.1", "1.2.3.4/", "1.2.3.4 ", "::1::2",
                         "1:2:3:4:5:6:7:8:9", "abc", "1.2.3.4/1a", "01234::"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) assert_false(parse(bad[i], &c));
}

static void private_ranges(void **state) {
    (void)state;
    tk_cidr c;
    const char *priv[] = {"10.0.0.0/8", "10.20.0.0/16", "172.16.0.0/12", "172.31.255.0/24",
                          "192.168.1.0/24", "127.0.0.1", "fd00::/8", "fe80::1"};
    const char *pub[] = {"0.0.0.0/0", "8.8.8.8/32", "172.32.0.0/16", "10.0.0.0/7", "::/0",
                         "2001:db8::/32", "192.169.0.0/16"};
    for (size_t i = 0; i < sizeof priv / sizeof *priv; i++) {
        assert_true(parse(priv[i], &c));
        assert_true(tk_cidr_is_private(&c));
    }
    for (size_t i = 0; i < sizeof pub / sizeof *pub; i++) {
        assert_true(parse(pub[i], &c));
        assert_false(tk_cidr_is_private(&c));
    }
}

int run_cidr_tests(void) {
    const struct CMUnitTest tests[] = {cmocka_unit_test(parses_v4_and_v6), cmocka_unit_test(private_ranges)};
    return cmocka_run_group_tests_name("cidr", tests, NULL, NULL);
}
