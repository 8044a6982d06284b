/* One libFuzzer target: FUZZ_CHECK (set by tests/fuzz/CMakeLists.txt) names
 * the function of fuzz_checks.h it runs on every input. A broken property is
 * printed and abort()s, so libFuzzer saves the input as a crash. */
#include <stdio.h>
#include <stdlib.h>

#include "fuzz_checks.h"

#ifndef FUZZ_CHECK
#error "define FUZZ_CHECK to one of the fuzz_check_* functions"
#endif

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *problem = FUZZ_CHECK(data, size);
    if (problem) {
        fprintf(stderr, "\n*** acr fuzz: %s\n", problem);
        abort();
    }
    return 0;
}
