/* cli_usage.c - the help text of each command (actent help [command]). */
#include <stdio.h>
#include <string.h>

#include "cli.h"

bool actent_cli_help_topic(const char *topic)
{
    static const char *const topics[] = {"experiment", "verify", "infoplane", "isa",
                                         "machine",    "help",   "version"};
    for (size_t i = 0; i < sizeof topics / sizeof topics[0]; i++)
        if (strcmp(topic, topics[i]) == 0)
            return true;
    return false;
}

void actent_cli_usage(const char *topic, char *buf, size_t len)
{
    if (topic && strcmp(topic, "experiment") == 0) {
        snprintf(
            buf, len,
            "usage: actent experiment [options]\n"
            "  How much entropy each activation removes from a layer (the notebook's analysis).\n"
            "  --mode notebook|consistent  notebook: input 50 bins, outputs 49 (as the notebook);\n"
            "                              consistent: input and outputs binned alike [notebook]\n"
            "  --input FILE.npy      a layer's activations from a file instead of a sample;\n"
            "                        repeat for several (float16/32/64, any shape, C or\n"
            "                        Fortran order, analysed flattened in C order)\n"
            "  --nonfinite error|drop  NaN or inf in a file: stop with an error, or leave\n"
            "                        them out and report how many [error]\n"
            "  --n N                 sample size [4096]\n"
            "  --seed S              np.random.seed: the sample and the transform [0]\n"
            "  --dist uniform|normal uniform on [-1, 1], or normal(0, sigma) [uniform]\n"
            "  --sigma X             the normal's scale [1]\n"
            "  --bins K              input bins [50]\n"
            "  Sweeps: --n and --bins take a list (10,20,50) or an inclusive range\n"
            "  START:STOP:STEP (10:100:10), or both (5,10:100:10); --sigma takes a list\n"
            "  (0.5,1,2) with --dist normal. One analysis per combination, one row each.\n"
            "  --iterations I        copy-neighbour iterations [200]\n"
            "  --activations a,b,c   names or sets (all, notebook, modern) [notebook: the\n"
            "                        notebook's 11]; whatever order they are given in, they\n"
            "                        run in the notebook's (gelu ... hardsigmoid after linear),\n"
            "                        which drives the transform's random stream, and the\n"
            "                        table lists them by entropy, as the notebook sorts\n"
            "  --estimator E         also estimate with plugin, miller-madow, grassberger,\n"
            "                        jackknife (from the counts) or kde (bounds) [plugin]\n"
            "  --noise-var V         kde: the noise variance\n"
            "  --kde-max-pairs P     kde is O(N^2): it refuses more than P pairwise\n"
            "                        exponentials (all arrays together) [1e12]\n"
            "  --binning width|mass  equal-width bins, or equal-mass bins at the sample's\n"
            "                        quantiles (needs --mode consistent) [width]\n"
            "  --repeats K           K samples, seeds S..S+K-1: mean, SD, 95%% interval [1]\n"
            "  --population          also the binned entropies as N -> inf, and the\n"
            "                        one-to-one limit as bins -> inf (uniform, normal)\n"
            "  --threads N           threads; results do not depend on it [the CPUs allowed]\n"
            "  --isa NAME            kernel table (see: actent isa) [$ACTENT_ISA or auto]\n"
            "  --json FILE           also write the result as JSON (- for stdout)\n");
        return;
    }
    if (topic && strcmp(topic, "verify") == 0) {
        snprintf(buf, len,
                 "usage: actent verify [options]\n"
                 "  Every kernel table this CPU runs against the scalar reference, per\n"
                 "  activation: max ULP error, worst input and a ULP histogram over the\n"
                 "  notebook sample, a sweep of float32 bit patterns and special values;\n"
                 "  histogram counts and entropies on the notebook sample and 10^6 uniform\n"
                 "  and normal values, within the entropy tolerance each table's ULP bound\n"
                 "  allows; fused = unfused; a digest of the outputs to compare machines.\n"
                 "  Exit status 1 on any violation.\n"
                 "  (default)             every 127th bit pattern (34 million inputs): seconds\n"
                 "  --quick               every 65521st, 10^5-value samples (for ctest)\n"
                 "  --exhaustive          all 2^32 inputs: minutes (progress on stderr)\n"
                 "  --isa NAME            only this table (see: actent isa) [all this CPU runs]\n"
                 "  --activations a,b,c   names or sets (notebook, modern) [all]\n"
                 "  --threads N           sweep threads [the CPUs online]\n"
                 "  --json FILE           also write the results as JSON (- for stdout)\n");
        return;
    }
    if (topic && strcmp(topic, "infoplane") == 0) {
        snprintf(buf, len,
                 "usage: actent infoplane --layer FILE.npy [--layer ...] --labels Y.npy [options]\n"
                 "  The information plane of saved layers: I(X;T), I(T;Y) and H(T) in bits, one\n"
                 "  row per (layer, epoch, method, parameter) (docs/infoplane.md).\n"
                 "  --layer FILE.npy      activations, (N, d) or (E, N, d): E epochs of N samples\n"
                 "                        by d units (float16/32/64); repeat for several layers\n"
                 "  --labels Y.npy        N integers, one class per sample\n"
                 "  --inputs X.npy        N integers, the input each sample is (IDNNs' I(X;T) =\n"
                 "                        H(T) - H(T|X)); else I(X;T) = H(T)\n"
                 "  --method M            width (floor(t / W), ibsgd), idnns (np.digitize on\n"
                 "                        np.linspace(-1, 1, B)), count (B bins on the layer's\n"
                 "                        range), mass (B equal-mass bins), kde (both bounds),\n"
                 "                        kde-upper, kde-lower [width]\n"
                 "  --width W             bin width, or a list 0.05,0.07,0.1 [0.07]\n"
                 "  --bins B              bins, or a list [30]\n"
                 "  --noise-var V         KDE noise variance, or a list (one pass) [0.001]\n"
                 "  --estimator E         plugin, miller-madow, grassberger, jackknife [plugin]\n"
                 "  --shuffles K          also I(T;Y) with the labels permuted K times [0]\n"
                 "  --bootstrap B         binning: the sd of I(X;T), I(T;Y) over B resamples [0]\n"
                 "  --seed S              np.random.RandomState seed of both [0]\n"
                 "  --threads N           layers (file, epoch) at once [1]\n"
                 "  --isa NAME            kernel table (see: actent isa) [$ACTENT_ISA or auto]\n"
                 "  --json FILE           also write the rows as JSON (- for stdout)\n");
        return;
    }
    snprintf(buf, len,
             "usage: actent <command> [options]\n"
             "  experiment   the notebook's entropy analysis (actent help experiment)\n"
             "  verify       every kernel table against the scalar reference (actent help verify)\n"
             "  infoplane    I(X;T) and I(T;Y) of saved layers (actent help infoplane)\n"
             "  isa          the kernel tables built in, and which this CPU runs\n"
             "  machine      this machine's id, as used for results/<machine>/\n"
             "  help [cmd]   this text, or a command's options\n"
             "  version      the version\n");
}
