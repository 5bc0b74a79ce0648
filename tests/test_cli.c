/* test_cli.c - argument parsing: every rejection names what is wrong. */
#include "test_util.h"

#include <string.h>

#include "cli.h"

static int parse(char *err, size_t len, struct actent_cli *c, int argc, ...)
{
    char *argv[32];
    va_list ap;
    va_start(ap, argc);
    argv[0] = "actent";
    for (int i = 1; i < argc; i++)
        argv[i] = va_arg(ap, char *);
    va_end(ap);
    return actent_cli_parse(argc, argv, c, err, len);
}

#define REJECTS(msg, ...)                                                                          \
    do {                                                                                           \
        char err[512] = "";                                                                        \
        struct actent_cli c;                                                                       \
        assert_int_equal(parse(err, sizeof err, &c, __VA_ARGS__), -1);                             \
        if (!strstr(err, msg))                                                                     \
            fail_msg("message '%s' lacks '%s'", err, msg);                                         \
    } while (0)

static void rejections(void **state)
{
    (void)state;
    REJECTS("unknown activation 'swish' (valid: sigmoid, tanh, relu", 4, "experiment",
            "--activations", "relu,swish");
    REJECTS("--n must be from 1", 4, "experiment", "--n", "0");
    REJECTS("--n expects a whole number", 4, "experiment", "--n", "12abc");
    REJECTS("--n expects a whole number", 4, "experiment", "--n", "-5");
    REJECTS("--n expects a whole number", 3, "experiment", "--n=");
    REJECTS("--n must be from 1", 4, "experiment", "--n", "99999999999999999999999");
    REJECTS("--bins must be from 1", 4, "experiment", "--bins", "0");
    REJECTS("unknown option '--frobnicate'", 4, "experiment", "--frobnicate", "1");
    REJECTS("needs a value", 3, "experiment", "--seed");
    REJECTS("--seed must be from 0 to 4294967295", 4, "experiment", "--seed", "4294967296");
    REJECTS("--mode must be notebook or consistent", 4, "experiment", "--mode", "exact");
    REJECTS("--dist must be uniform or normal", 4, "experiment", "--dist", "cauchy");
    REJECTS("--sigma expects a finite number above 0", 4, "experiment", "--sigma", "nan");
    REJECTS("lists 'relu' twice", 4, "experiment", "--activations", "relu,relu");
    REJECTS("unknown activation ''", 4, "experiment", "--activations", "relu,");
    REJECTS("unexpected argument 'foo'", 3, "experiment", "foo");
    REJECTS("unknown command 'experimnet'", 2, "experimnet");
    REJECTS("verify: unknown option '--bogus'", 3, "verify", "--bogus");
    REJECTS("experiment: unknown option '--quick'", 3, "experiment", "--quick");
    REJECTS("--quick and --exhaustive exclude each other", 4, "verify", "--exhaustive", "--quick");
    REJECTS("--threads must be from 1 to 64", 4, "verify", "--threads", "0");
    REJECTS("verify: option --json needs a value", 3, "verify", "--json");
    REJECTS("unknown activation 'gelu'", 4, "verify", "--activations", "gelu");
}

static void accepts(void **state)
{
    (void)state;
    char err[512];
    struct actent_cli c;
    assert_int_equal(parse(err, sizeof err, &c, 10, "experiment", "--n=100", "--seed", "7",
                           "--activations", "linear,relu", "--mode", "consistent", "--json=-"),
                     0);
    assert_int_equal(c.cmd, ACTENT_CMD_EXPERIMENT);
    assert_int_equal(c.exp.n, 100);
    assert_int_equal(c.exp.seed, 7);
    assert_int_equal(c.exp.mode, ACTENT_CONSISTENT);
    assert_true(c.exp.use[ACT_LINEAR] && c.exp.use[ACT_RELU] && !c.exp.use[ACT_SIGMOID]);
    assert_string_equal(c.json, "-");
    assert_int_equal(parse(err, sizeof err, &c, 8, "verify", "--exhaustive", "--isa", "scalar",
                           "--threads=3", "--activations", "tanh"),
                     0);
    assert_int_equal(c.cmd, ACTENT_CMD_VERIFY);
    assert_int_equal(c.ver.mode, ACTENT_VERIFY_EXHAUSTIVE);
    assert_int_equal(c.ver.threads, 3);
    assert_string_equal(c.isa, "scalar");
    assert_true(c.ver.use[ACT_TANH] && !c.ver.use[ACT_RELU]);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(rejections),
        cmocka_unit_test(accepts),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
