/* notebook_entropy.c - the notebook's numbers through the public API.
 *
 * Draws the notebook's sample (numpy's np.random.seed(0), 4096 values
 * uniform on [-1, 1], as float32), prints the entropy of its 50-bin
 * histogram and, for each activation named on the command line (default
 * relu), the entropy of the notebook's 49-bin output histogram.
 *
 *   cc notebook_entropy.c $(pkg-config --cflags --libs actent) -o notebook_entropy
 *   ./notebook_entropy relu tanh */
#include <actent.h>
#include <stdio.h>

#define N 4096

int main(int argc, char **argv)
{
    static float x[N];
    uint64_t counts[50];
    double bits;
    char err[256];
    const actent_table *t = actent_table_select(NULL, err, sizeof err);
    if (!t || actent_sample_uniform(0, -1.0, 1.0, x, N) != 0 ||
        actent_input_entropy(t, x, N, 50, counts, &bits, err, sizeof err) != 0) {
        fprintf(stderr, "notebook_entropy: %s\n", t ? err : "no table");
        return 1;
    }
    printf("actent %s, table %s\n", actent_version(), actent_table_name(t));
    printf("input %.17g\n", bits);
    int nacts = argc > 1 ? argc - 1 : 1;
    for (int i = 0; i < nacts; i++) {
        const char *name = argc > 1 ? argv[i + 1] : "relu";
        int act = actent_activation_find(name);
        if (act < 0) {
            fprintf(stderr, "notebook_entropy: unknown activation '%s'\n", name);
            return 2;
        }
        if (actent_activation_entropy(t, act, x, N, 49, counts, &bits, err, sizeof err) != 0) {
            fprintf(stderr, "notebook_entropy: %s: %s\n", name, err);
            return 1;
        }
        printf("%s %.17g\n", name, bits);
    }
    return 0;
}
