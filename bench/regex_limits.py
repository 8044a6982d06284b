"""How long the pattern compiler takes to refuse patterns that are too complex.

A figure, not a check: tests/codegen/test_regex_dfa.py (ComplexityLimitTest) asserts
that each of these is refused and why; this prints how long each refusal takes, the
best of --repeat runs (a limit that only fails after seconds is a bug to look at).

Run with:  PYTHONPATH=codegen python3 bench/regex_limits.py [--repeat N]
"""

import argparse
import time

from acrgen.regex_dfa import PatternError, compile_pattern

PATTERNS = [
    ("((a{1000}){1000})", {}),
    ("((a{0}){1000}){1000}", {}),
    ("x{1000}{1000}", {}),
    ("a[ab]{20}$", {}),
    ("^(a{1000}){3}$", {}),
    ("(a|aa){1000}", {}),
    ("(a|b|c|d|e|f|g|h){1000}", {}),
    ("^a{3}$", {"max_states": 3}),
]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print(f"{'pattern':<28} {'best of ' + str(args.repeat):>10}  refused because")
    for pattern, kwargs in PATTERNS:
        best = None
        reason = "ACCEPTED (expected a refusal)"
        for _ in range(args.repeat):
            start = time.perf_counter()
            try:
                compile_pattern(pattern, **kwargs)
            except PatternError as e:
                reason = e.message
            elapsed = time.perf_counter() - start
            best = elapsed if best is None else min(best, elapsed)
        print(f"{pattern:<28} {best * 1000:8.1f} ms  {reason}")


if __name__ == "__main__":
    main()
