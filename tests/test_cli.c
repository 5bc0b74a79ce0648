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
    REJECTS("names 'relu' twice", 4, "experiment", "--activations", "relu,relu");
    REJECTS("unknown activation ''", 4, "experiment", "--activations", "relu,");
    REJECTS("unexpected argument 'foo'", 3, "experiment", "foo");
    REJECTS("unknown command 'experimnet'", 2, "experimnet");
    REJECTS("verify: unknown option '--bogus'", 3, "verify", "--bogus");
    REJECTS("experiment: unknown option '--quick'", 3, "experiment", "--quick");
    REJECTS("--quick and --exhaustive exclude each other", 4, "verify", "--exhaustive", "--quick");
    REJECTS("--threads must be from 1 to 64", 4, "verify", "--threads", "0");
    REJECTS("verify: option --json needs a value", 3, "verify", "--json");
    REJECTS("unknown activation 'swish'", 4, "verify", "--activations", "swish");
}

/* lists, ranges, files and what cannot be combined */
static void grid_rejections(void **state)
{
    (void)state;
    REJECTS("--bins expects a whole number from 1", 4, "experiment", "--bins", "10,,20");
    REJECTS("--bins expects a whole number from 1", 4, "experiment", "--bins", "10,20,");
    REJECTS("--bins lists 20 twice", 4, "experiment", "--bins", "10:30:10,20");
    REJECTS("--bins: the range '30:10' runs backwards", 4, "experiment", "--bins", "30:10");
    REJECTS("--bins step must be from 1", 4, "experiment", "--bins", "10:30:0");
    REJECTS("--bins step expects a whole number, not '3:4'", 4, "experiment", "--bins", "1:2:3:4");
    REJECTS("--bins expects a whole number from 1", 4, "experiment", "--bins", ":10");
    REJECTS("--bins lists more than 1000 values", 4, "experiment", "--bins", "1:16777216");
    REJECTS("--bins must be from 1 to 16777216 (got 16777217)", 4, "experiment", "--bins",
            "2:16777217:16777215");
    REJECTS("--n must be from 1 to", 4, "experiment", "--n", "0:10");
    REJECTS("is too long for a value", 4, "experiment", "--n",
            "1234567890123456789012345678901234567890123456789012345678901234567890");
    REJECTS("--sigma takes a list such as 0.5,1,2, not a range", 6, "experiment", "--dist",
            "normal", "--sigma", "1:3");
    REJECTS("--sigma lists 2 twice", 6, "experiment", "--dist", "normal", "--sigma", "2,1,2");
    REJECTS("--sigma expects a finite number above 0, not '-1'", 6, "experiment", "--dist",
            "normal", "--sigma", "1,-1");
    REJECTS("--sigma lists several values, which needs --dist normal", 4, "experiment", "--sigma",
            "1,2");
    REJECTS("--bins 1: notebook mode needs at least 2", 4, "experiment", "--bins", "1,5");
    REJECTS("--input expects an .npy file name", 3, "experiment", "--input=");
    REJECTS("--n does not apply with --input", 6, "experiment", "--input", "a.npy", "--n", "5");
    REJECTS("--dist does not apply with --input", 6, "experiment", "--dist", "normal", "--input",
            "a.npy");
    REJECTS("--sigma does not apply with --input", 6, "experiment", "--input", "a.npy", "--sigma",
            "2");
    REJECTS("--nonfinite must be error or drop, not 'skip'", 4, "experiment", "--nonfinite",
            "skip");
    REJECTS("the option grid would make 1000000 analyses (at most 100000)", 6, "experiment", "--n",
            "1:1000", "--bins", "2:1001");
}

static void grid_accepts(void **state)
{
    (void)state;
    char err[512];
    struct actent_cli c;
    assert_int_equal(parse(err, sizeof err, &c, 9, "experiment", "--bins", "5,10:30:10,31", "--n",
                           "7:9", "--dist", "normal", "--sigma=0.5,2"),
                     0);
    const uint64_t bins[] = {5, 10, 20, 30, 31};
    assert_int_equal(c.grid.nbins, 5);
    assert_memory_equal(c.grid.bins, bins, sizeof bins);
    assert_int_equal(c.exp.bins, 5);
    assert_int_equal(c.grid.nn, 3);
    assert_int_equal(c.grid.n[2], 9);
    assert_int_equal(c.grid.nsigma, 2);
    assert_true(c.grid.sigma[0] == 0.5 && c.grid.sigma[1] == 2.0);
    assert_int_equal(actent_grid_runs(&c.grid), 5 * 3 * 2);
    assert_false(actent_grid_plain(&c.grid));
    /* a range whose step does not land on STOP stops below it */
    assert_int_equal(parse(err, sizeof err, &c, 4, "experiment", "--bins", "10:35:10"), 0);
    assert_int_equal(c.grid.nbins, 3);
    assert_int_equal(c.grid.bins[2], 30);
    /* no lists: one plain analysis with the defaults */
    assert_int_equal(parse(err, sizeof err, &c, 2, "experiment"), 0);
    assert_true(actent_grid_plain(&c.grid));
    assert_int_equal(c.grid.n[0], 4096);
    assert_int_equal(c.grid.bins[0], 50);
    /* files, repeated, with the non-finite policy */
    assert_int_equal(parse(err, sizeof err, &c, 9, "experiment", "--input", "a.npy",
                           "--input=b.npy", "--nonfinite", "drop", "--bins", "2:3"),
                     0);
    assert_int_equal(c.grid.ninputs, 2);
    assert_string_equal(c.grid.inputs[1], "b.npy");
    assert_int_equal(c.grid.nonfinite, ACTENT_NONFINITE_DROP);
    assert_int_equal(actent_grid_runs(&c.grid), 4);
    assert_false(actent_grid_plain(&c.grid));
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
        cmocka_unit_test(grid_rejections),
        cmocka_unit_test(grid_accepts),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
