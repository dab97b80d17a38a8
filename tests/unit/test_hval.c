/* Values of the Terraform language: objects, sets, equality, conversions, unknown refs. */
#include "unit.h"
#include "../../lib/hval.h"
#include <string.h>

static void objects_sorted_last_wins(void **state) {
    (void)state;
    tk_arena a;
    tk_arena_init(&a);
    hv_pair p[3] = {{"b", 1, hv_num(1)}, {"a", 1, hv_num(2)}, {"b", 1, hv_num(3)}};
    hv o = hv_object(&a, p, 3);
    assert_int_equal(o.kind, HV_OBJECT);
    assert_int_equal(o.n, 2);
    assert_string_equal(o.u.pairs[0].key, "a");
    assert_true(hv_get(&o, "b", 1)->u.num == 3);
    assert_null(hv_get(&o, "c", 1));
    tk_arena_free(&a);
}

static void sets_dedup_and_order(void **state) {
    (void)state;
    tk_arena a;
    tk_arena_init(&a);
    hv items[4] = {hv_str_ref("b", 1), hv_num(2), hv_str_ref("a", 1), hv_str_ref("b", 1)};
    hv s = hv_set(&a, items, 4);
    assert_int_equal(s.n, 3);
    hv unk[3] = {hv_unknown(), hv_unknown(), hv_str_ref("a", 1)};
    assert_int_equal(hv_set(&a, unk, 3).n, 3); /* two unknowns may be two values */
    assert_string_equal(s.u.items[0].u.s, "a");
    assert_string_equal(s.u.items[1].u.s, "b");
    assert_int_equal(s.u.items[2].kind, HV_NUMBER);
    tk_arena_free(&a);
}

static void equality_is_three_valued(void **state) {
    (void)state;
    tk_arena a;
    tk_arena_init(&a);
    hv x = hv_num(1), y = hv_num(1.0), u = hv_unknown(), s = hv_str_ref("1", 1);
    assert_int_equal(hv_equal(&x, &y), 1);
    assert_int_equal(hv_equal(&x, &s), 0); /* no conversion for == */
    assert_int_equal(hv_equal(&x, &u), -1);
    hv *it;
    hv t1 = hv_tuple(&a, 2, &it);
    it[0] = hv_num(1);
    it[1] = hv_unknown();
    hv t2 = hv_tuple(&a, 2, &it);
    it[0] = hv_num(2);
    it[1] = hv_num(3);
    assert_int_equal(hv_equal(&t1, &t2), 0); /* a known difference decides */
    t2.u.items[0] = hv_num(1);
    assert_int_equal(hv_equal(&t1, &t2), -1);
    tk_arena_free(&a);
}

static void conversions(void **state) {
    (void)state;
    tk_arena a;
    tk_arena_init(&a);
    hv out;
    assert_true(hv_to_string(&a, &(hv){.kind = HV_NUMBER, .u.num = 22}, &out));
    assert_string_equal(out.u.s, "22");
    assert_true(hv_to_string(&a, &(hv){.kind = HV_NUMBER, .u.num = 0.1}, &out));
    assert_string_equal(out.u.s, "0.1");
    assert_true(hv_to_string(&a, &(hv){.kind = HV_BOOL, .u.b = true}, &out));
    assert_string_equal(out.u.s, "true");
    assert_true(hv_to_number(&(hv){.kind = HV_STRING, .u.s = "-1.5e2", .n = 6}, &out));
    assert_true(out.u.num == -150);
    assert_false(hv_to_number(&(hv){.kind = HV_STRING, .u.s = "12abc", .n = 5}, &out));
    assert_false(hv_to_number(&(hv){.kind = HV_STRING, .u.s = "0x10", .n = 4}, &out));
    assert_true(hv_to_bool(&(hv){.kind = HV_STRING, .u.s = "false", .n = 5}, &out));
    assert_false(out.u.b);
    assert_false(hv_to_bool(&(hv){.kind = HV_STRING, .u.s = "yes", .n = 3}, &out));
    hv nul = hv_null();
    assert_false(hv_to_string(&a, &nul, &out));
    char b[64];
    hv_format_number(1e21, b, sizeof b);
    assert_string_equal(b, "1000000000000000000000");
    hv_format_number(1e-7, b, sizeof b);
    assert_string_equal(b, "0.0000001");
    hv_format_number(-2.5, b, sizeof b);
    assert_string_equal(b, "-2.5");
    hv_format_number(123456.789, b, sizeof b);
    assert_string_equal(b, "123456.789");
    hv_format_number(0.1 + 0.2, b, sizeof b);
    assert_string_equal(b, "0.30000000000000004");
    hv_format_number(-0.0, b, sizeof b);
    assert_string_equal(b, "-0");
    assert_true(hv_to_bool(&(hv){.kind = HV_STRING, .u.s = "1", .n = 1}, &out) && out.u.b);
    assert_true(hv_to_bool(&(hv){.kind = HV_STRING, .u.s = "0", .n = 1}, &out) && !out.u.b);
    tk_arena_free(&a);
}

static void unknown_refs_merge(void **state) {
    (void)state;
    tk_arena a;
    tk_arena_init(&a);
    hv v[3] = {hv_unknown_ref(&a, 4), hv_num(1), hv_unknown_ref(&a, 9)};
    hv u = hv_unknown_from(&a, v, 3);
    assert_int_equal(u.kind, HV_UNKNOWN);
    assert_int_equal(u.n, 2);
    assert_int_equal(u.u.refs[0], 4);
    assert_int_equal(u.u.refs[1], 9);
    v[2] = hv_unknown_ref(&a, 4);
    u = hv_unknown_from(&a, v, 3);
    assert_int_equal(u.n, 1);
    tk_arena_free(&a);
}

int run_hval_tests(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(objects_sorted_last_wins), cmocka_unit_test(sets_dedup_and_order),
        cmocka_unit_test(equality_is_three_valued), cmocka_unit_test(conversions),
        cmocka_unit_test(unknown_refs_merge),
    };
    return cmocka_run_group_tests_name("hval", tests, NULL, NULL);
}
