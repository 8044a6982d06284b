/* acr benchmarks: one executable, one section per subcommand.
 *   acr_bench micro INPUT_DIR                  parsing, validating, serializing
 *   acr_bench e2e URL INPUT_DIR [options]      update calls against a local server
 *   acr_bench icount INPUT_DIR                 the operations for callgrind
 *   acr_bench icount-calls URL [K]             update calls for callgrind
 *   acr_bench threads URL [options]            T threads calling at once
 * scripts/bench.sh runs them all; see docs/PERFORMANCE.md. */
#include <stdio.h>
#include <string.h>

int bench_micro_main(int argc, char **argv);
int bench_e2e_main(int argc, char **argv);
int bench_icount_main(int argc, char **argv);
int bench_icount_calls_main(int argc, char **argv);
int bench_threads_main(int argc, char **argv);

int main(int argc, char **argv)
{
    if (argc >= 2 && strcmp(argv[1], "micro") == 0)
        return bench_micro_main(argc - 2, argv + 2);
    if (argc >= 2 && strcmp(argv[1], "e2e") == 0)
        return bench_e2e_main(argc - 2, argv + 2);
    if (argc >= 2 && strcmp(argv[1], "icount") == 0)
        return bench_icount_main(argc - 2, argv + 2);
    if (argc >= 2 && strcmp(argv[1], "icount-calls") == 0)
        return bench_icount_calls_main(argc - 2, argv + 2);
    if (argc >= 2 && strcmp(argv[1], "threads") == 0)
        return bench_threads_main(argc - 2, argv + 2);
    fprintf(stderr, "usage: acr_bench micro|e2e|icount|icount-calls|threads ...  (run scripts/bench.sh)\n");
    return 2;
}
