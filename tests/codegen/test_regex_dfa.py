"""Tests for acrgen.regex_dfa (pattern -> minimal byte DFA).

Run with:  PYTHONPATH=codegen python3 -m unittest discover -s tests/codegen -p test_regex_dfa.py -v
"""

import os
import random
import re
import subprocess
import sys
import unittest
import warnings
from pathlib import Path

from acrgen.regex_dfa import Dfa, PatternError, compile_pattern

UID_PATTERN = (
    r"^(#allstream#|[1-9][0-9]{0,8}|[1-3][0-9]{9}|4[01][0-9]{8}|42[0-8][0-9]{7}"
    r"|429[0-3][0-9]{6}|4294[0-8][0-9]{5}|42949[0-5][0-9]{4}|429496[0-6][0-9]{3}"
    r"|4294967[01][0-9]{2}|42949672[0-8][0-9]|429496729[0-5])$"
)

# (pattern, alphabet for random strings, seed strings that matter)
ORACLE_CASES = [
    (r"^[1-9][0-9]{0,9}$", "0123456789x ",
     ["1", "9", "10", "1234567890", "12345678901", "0", "01", "1\n"]),
    (UID_PATTERN, "0123456789#alstrem",
     ["#allstream#", "#allstream", "allstream#", "4294967295", "4294967296",
      "1", "0", "04", "42949672950", "#allstream#\n"]),
    (r"^[A-Za-z0-9]+$", "aZz09_- ", ["abc", "A1", "a b", "", "Z\n"]),
    (r"^rtmps?://", "rtmps:/x",
     ["rtmp://", "rtmps://host", "rtmpss://", " rtmp://", "rtmp:/", "xrtmp://"]),
    (r"b", "abc", ["b", "", "abc", "aac"]),
    (r"ab|cd", "abcd", ["ab", "cd", "ac", "xcdx", "adbc"]),
    (r"^(a|)b{2,3}$", "ab", ["bb", "abb", "abbb", "bbbb", "ab", "aabb", "bbb\n"]),
    (r"x*y+z?", "xyz", ["y", "xz", "xxyyzz", "z", ""]),
    (r"^\d{3}-\d{4}$", "0123456789-",
     ["555-1234", "5551234", "55-12345", "555-1234\n", "555-12345"]),
    (r"[-a]", "-ab", ["-", "a", "b", ""]),
    (r"(?:ab)+$", "ab", ["ab", "abab", "aba", "xab", "ab\n", "abb"]),
    # Further coverage of the supported syntax.
    (r"^(\d{1,3}\.){3}\d{1,3}$", "0123456789.",
     ["1.2.3.4", "255.255.255.255", "1.2.3", "1234.1.1.1", "1.2.3.4."]),
    (r"^[a-z][a-z0-9_\-]*$", "az09_-A", ["a", "a-b_9", "9a", "a-"]),
    (r"a{2,}b", "ab", ["aab", "ab", "aaaab", "aa"]),
    (r"^(ab|a)*c$", "abc", ["c", "abac", "aabc", "abbc"]),
    (r"^((a|b)*c){2}$", "abc", ["cc", "acbc", "c", "ccc"]),
    (r"()*x", "xy", ["x", "", "yxy"]),
    (r"^(a*)*$", "ab", ["", "aaa", "ab"]),
    (r"^(?:a+|b+)+c?$", "abc", ["ab", "abc", "c", "cc", "bac"]),
    (r"[\]\[\\]+", "[]\\a", ["[", "]", "\\", "a"]),
    (r"^[!--]+$", "!\"#,-./a", ["!", "-", ",#", ".", "!-."]),
    (r"^\$\d+\.\d{2}$", "$0123456789.", ["$1.00", "$.50", "$12.5", "$12.50"]),
    (r"(x|y){0,3}z$", "xyz", ["z", "xyxz", "zx", "xyz\n"]),
    (r"^$", "a\n", ["", "\n", "a"]),
    (r"^a{0}$", "a", ["", "a"]),
    (r"^a{3}$", "a", ["aa", "aaa", "aaaa"]),
    (r"^[ -~]*$", "a ~\x7f\t", ["", "hello world", "tab\there", "del\x7f"]),
    (r"\\$", "\\a$", ["\\", "a\\", "\\a", "$"]),
    (r"a\$", "a$", ["a$", "a", "$a$"]),
    (r"^[a-c-]{2}$", "abcd-", ["ab", "-c", "a-", "d-"]),
    (r"^(a|b|)+$", "abc", ["", "ab", "abc"]),
    (r"^x{2,40}$", "xy", ["x", "xx", "x" * 40, "x" * 41]),
    (r"^rtmps?://[a-z0-9.\-]+(:\d{1,5})?(/[A-Za-z0-9_\-./]*)?$",
     "rtmps:/.-a1_Z",
     ["rtmp://host", "rtmps://a.b:1935/live/key", "rtmp://h:123456",
      "rtmp://:1", "rtmp://h/", "rtmp://H"]),
    (r"^\/\-\^\(\)\{\}\*\+\?\|$", "/-^(){}*+?|",
     ["/-^(){}*+?|", "/-^(){}*+?"]),
]

# A few non-ASCII strings, to check that multi-byte UTF-8 sequences are
# treated as ECMA treats code points.
NON_ASCII = ["é", "1é", "é1", "aé", "éb", "€", "日本", "a\u00e9b", "\U0001F600"]


def to_python_pattern(pattern: str) -> str:
    """ECMA '$' is end of input; Python's '$' also matches before a final '\\n'."""
    if pattern.endswith("$"):
        backslashes = len(pattern[:-1]) - len(pattern[:-1].rstrip("\\"))
        if backslashes % 2 == 0:  # not an escaped '\$'
            return pattern[:-1] + r"\Z"
    return pattern


def candidate_strings(alphabet: str, seeds: list[str], rng: random.Random) -> list[str]:
    pool = list(alphabet) + ["é", "\n"]
    out = ["", "\n"] + NON_ASCII + list(seeds)
    for _ in range(300):
        out.append("".join(rng.choice(pool) for _ in range(rng.randint(0, 12))))
    for seed in seeds:
        for _ in range(20):
            s = list(seed)
            op = rng.randrange(5)
            i = rng.randint(0, len(s))
            if op == 0:
                s.insert(i, rng.choice(pool))
            elif op == 1 and s:
                del s[min(i, len(s) - 1)]
            elif op == 2 and s:
                s[min(i, len(s) - 1)] = rng.choice(pool)
            elif op == 3:
                s.insert(0, rng.choice(pool))
            else:
                s.append(rng.choice(pool))
            out.append("".join(s))
    return out


def random_pattern(rng: random.Random) -> str:
    """A random pattern from the supported subset, over a small alphabet."""
    atoms = ["a", "b", "c", "1", r"\d", "[ab]", "[a-c]", "[-a]", r"\-", "-"]
    quantifiers = ["", "", "", "", "", "", "?", "*", "+", "{2}", "{0,2}", "{1,}", "{1,3}"]
    # Groups get only bounded quantifiers: nested unbounded ones make the
    # backtracking oracle exponentially slow.
    group_quantifiers = ["", "", "", "", "?", "{2}", "{0,2}", "{0}", "{1,3}"]

    def alternation(depth: int) -> str:
        return "|".join(sequence(depth) for _ in range(rng.choice([1, 1, 2, 3])))

    def sequence(depth: int) -> str:
        parts = []
        for _ in range(0 if rng.random() < 0.04 else rng.randint(1, 3)):
            if depth < 3 and rng.random() < 0.3:
                group = rng.choice(["(", "(?:"]) + alternation(depth + 1) + ")"
                parts.append(group + rng.choice(group_quantifiers))
            else:
                parts.append(rng.choice(atoms) + rng.choice(quantifiers))
        return "".join(parts)

    body = alternation(0)
    start, end = rng.choice([("^", "$"), ("^", "$"), ("^", ""), ("", "$"), ("", "")])
    if start or end:
        body = "(" + body + ")"  # anchors need a group around top-level '|'
    return start + body + end


def random_dfas(rng: random.Random, count: int) -> list[tuple[str, Dfa]]:
    """Compile ``count`` random patterns, skipping the few that are too big."""
    compiled = []
    for _ in range(count):
        pattern = random_pattern(rng)
        try:
            compiled.append((pattern, compile_pattern(pattern)))
        except PatternError as e:
            if "too complex" not in e.message:
                raise
    # The generator must mostly produce patterns that compile.
    assert len(compiled) >= 0.9 * count, len(compiled)
    return compiled


def live_states(dfa: Dfa) -> set[int]:
    """States from which an accepting state is reachable."""
    live = {s for s, acc in enumerate(dfa.accepting) if acc}
    changed = True
    while changed:
        changed = False
        for s, row in enumerate(dfa.transitions):
            if s not in live and any(t in live for t in row):
                live.add(s)
                changed = True
    return live


def moore_classes(dfa: Dfa) -> int:
    """Number of Myhill-Nerode classes, by naive Moore refinement (oracle)."""
    block = [int(a) for a in dfa.accepting]
    while True:
        signatures = [
            (block[s],) + tuple(-1 if t < 0 else block[t] for t in row)
            for s, row in enumerate(dfa.transitions)
        ]
        numbering = {sig: i for i, sig in enumerate(sorted(set(signatures)))}
        new_block = [numbering[sig] for sig in signatures]
        if len(numbering) == len(set(block)):
            return len(numbering)
        block = new_block


class OracleAgreementTest(unittest.TestCase):
    """The DFA must agree with Python's re (search semantics) on many strings."""

    def test_agrees_with_python_re(self):
        for i, (pattern, alphabet, seeds) in enumerate(ORACLE_CASES):
            with self.subTest(pattern=pattern):
                dfa = compile_pattern(pattern)
                with warnings.catch_warnings():
                    # Python warns that "[!--]" might one day mean set difference.
                    warnings.simplefilter("ignore", FutureWarning)
                    oracle = re.compile(to_python_pattern(pattern), re.ASCII)
                rng = random.Random(1000 + i)
                mismatches = [
                    s for s in candidate_strings(alphabet, seeds, rng)
                    if dfa.matches(s.encode("utf-8")) != (oracle.search(s) is not None)
                ]
                self.assertEqual(mismatches[:10], [])

    def test_random_patterns_agree_with_python_re(self):
        rng = random.Random(2024)
        for pattern, dfa in random_dfas(rng, 300):
            with self.subTest(pattern=pattern):
                oracle = re.compile(to_python_pattern(pattern), re.ASCII)
                strings = ["", "\n", "é"] + [
                    "".join(rng.choice("abc1-é\n") for _ in range(rng.randint(0, 8)))
                    for _ in range(60)]
                mismatches = [
                    s for s in strings
                    if dfa.matches(s.encode("utf-8")) != (oracle.search(s) is not None)
                ]
                self.assertEqual(mismatches[:10], [])

    def test_dollar_does_not_match_before_trailing_newline(self):
        dfa = compile_pattern("^a$")
        self.assertTrue(dfa.matches(b"a"))
        self.assertFalse(dfa.matches(b"a\n"))
        # ...whereas Python's '$' does, which is why the oracle uses \Z.
        self.assertIsNotNone(re.search("^a$", "a\n"))

    def test_unanchored_search_skips_non_ascii(self):
        dfa = compile_pattern("b")
        self.assertTrue(dfa.matches("éb".encode()))
        self.assertTrue(dfa.matches("bé".encode()))
        self.assertFalse(dfa.matches("é".encode()))
        anchored = compile_pattern("^[a-z]+$")
        self.assertFalse(anchored.matches("é".encode()))
        self.assertFalse(anchored.matches("aé".encode()))
        self.assertTrue(anchored.matches(b"abc"))


class UidPatternTest(unittest.TestCase):
    def setUp(self):
        self.dfa = compile_pattern(UID_PATTERN)

    def test_boundaries(self):
        for s in ["1", "9", "10", "999999999", "1000000000", "4294967295",
                  "#allstream#"]:
            self.assertTrue(self.dfa.matches(s.encode()), s)
        for s in ["0", "4294967296", "04", "42949672950", "", "#allstream",
                  " 1", "1 ", "4294967295\n", "#allstream##", "-1", "é1"]:
            self.assertFalse(self.dfa.matches(s.encode()), s)

    def test_numeric_range(self):
        # Independent oracle: canonical decimal of an integer in [1, 2**32 - 1].
        rng = random.Random(7)
        values = [rng.randrange(0, 2**33) for _ in range(3000)]
        values += [rng.randrange(0, 10**rng.randint(1, 10)) for _ in range(1000)]
        for k in range(11):
            values += [10**k - 1, 10**k, 10**k + 1]
        values += [2**32 + d for d in range(-20, 20)]
        for v in values:
            s = str(v)
            self.assertEqual(self.dfa.matches(s.encode()), 1 <= v <= 2**32 - 1, s)
            self.assertEqual(self.dfa.matches(("0" + s).encode()), False, "0" + s)

    def test_size(self):
        # 1 start + 10 for "#allstream" + 9 tight prefixes "4".."429496729"
        # + 10 "up to r more digits" states (r = 0..9, r = 0 also ends
        # "#allstream#") = 30 states.  Classes: the ten digits, the eight
        # distinct characters of "#allstream#", and everything else = 19.
        self.assertEqual(len(self.dfa.transitions), 30)
        self.assertEqual(self.dfa.n_classes, 19)


class StructureTest(unittest.TestCase):
    """Shape, canonical numbering and minimality of the produced tables."""

    def check_structure(self, dfa: Dfa):
        self.assertEqual(len(dfa.byte_class), 256)
        self.assertEqual(dfa.n_classes, max(dfa.byte_class) + 1)
        # Classes numbered in order of first appearance by byte value.
        seen = []
        for cls in dfa.byte_class:
            if cls not in seen:
                self.assertEqual(cls, len(seen))
                seen.append(cls)
        n = len(dfa.transitions)
        self.assertEqual(len(dfa.accepting), n)
        for row in dfa.transitions:
            self.assertEqual(len(row), dfa.n_classes)
            for t in row:
                self.assertTrue(t == -1 or 0 <= t < n)
        # No two classes behave identically (classes are maximal).
        columns = {tuple(row[c] for row in dfa.transitions) for c in range(dfa.n_classes)}
        self.assertEqual(len(columns), dfa.n_classes)
        # BFS from 0 over classes in order visits states as 0, 1, 2, ...
        order, queue = [0], [0]
        while queue:
            for t in dfa.transitions[queue.pop(0)]:
                if t != -1 and t not in order:
                    order.append(t)
                    queue.append(t)
        self.assertEqual(order, list(range(n)))
        # No dead state is materialised: every state can still accept.
        self.assertEqual(live_states(dfa), set(range(n)))
        # Minimal: no two states are equivalent.
        self.assertEqual(moore_classes(dfa), n)

    def test_structure_of_all_oracle_patterns(self):
        for pattern, _, _ in ORACLE_CASES:
            with self.subTest(pattern=pattern):
                self.check_structure(compile_pattern(pattern))

    def test_structure_of_random_patterns(self):
        for pattern, dfa in random_dfas(random.Random(99), 200):
            with self.subTest(pattern=pattern):
                self.check_structure(dfa)

    def test_known_sizes(self):
        alnum = compile_pattern("^[A-Za-z0-9]+$")
        self.assertEqual(len(alnum.transitions), 2)
        self.assertEqual(alnum.n_classes, 2)
        self.assertEqual(alnum.accepting, (False, True))
        self.assertEqual(len(compile_pattern("^a{3}$").transitions), 4)
        self.assertEqual(len(compile_pattern("b").transitions), 2)
        # A pattern that matches the empty string unanchored matches everything.
        everything = compile_pattern("a*")
        self.assertEqual(everything.transitions, ((0,),))
        self.assertEqual(everything.accepting, (True,))
        self.assertEqual(set(everything.byte_class), {0})

    def test_exact_tables(self):
        dfa = compile_pattern("^a{3}$")
        self.assertEqual(dfa.byte_class[ord("a")], 1)
        self.assertEqual(dfa.byte_class.count(1), 1)
        self.assertEqual(dfa.transitions, ((-1, 1), (-1, 2), (-1, 3), (-1, -1)))
        self.assertEqual(dfa.accepting, (False, False, False, True))

    def test_deterministic(self):
        for pattern, _, _ in ORACLE_CASES:
            self.assertEqual(compile_pattern(pattern), compile_pattern(pattern))

    def test_deterministic_across_hash_seeds(self):
        codegen = Path(__file__).resolve().parents[2] / "codegen"
        script = (
            "import sys; from acrgen.regex_dfa import compile_pattern\n"
            "for p in sys.argv[1:]: print(repr(compile_pattern(p)))\n"
        )
        patterns = [UID_PATTERN, r"^(\d{1,3}\.){3}\d{1,3}$", "ab|cd"]
        outputs = []
        for seed in ("0", "12345"):
            env = dict(os.environ, PYTHONHASHSEED=seed)
            outputs.append(subprocess.run(
                [sys.executable, "-c", script, *patterns], cwd=codegen, env=env,
                capture_output=True, text=True, check=True).stdout)
        self.assertEqual(outputs[0], outputs[1])
        self.assertEqual(outputs[0].count("Dfa("), len(patterns))


class RejectionTest(unittest.TestCase):
    # (pattern, offset of the offending character, part of the message)
    CASES = [
        (r"^a.b$", 2, "'.'"),
        (r"[^a]", 1, "negated"),  # offset of the '^' after '['
        (r"a$b", 1, "'$'"),
        (r"$a", 0, "'$'"),
        (r"(a$)", 2, "'$'"),
        (r"^a|b$", 2, "wrap the alternatives"),
        (r"a|b$", 1, "wrap the alternatives"),
        (r"^a|b", 2, "wrap the alternatives"),
        (r"a^", 1, "'^'"),
        (r"^^", 1, "'^'"),
        (r"(^a)", 1, "'^'"),
        (r"a{2,1}", 1, "maximum below its minimum"),
        (r"a{1001}", 1, "larger than 1000"),
        (r"a{0,1001}", 1, "larger than 1000"),
        (r"a{1001,}", 1, "larger than 1000"),
        (r"a**", 2, "another quantifier"),
        (r"a*{2}", 2, "another quantifier"),
        (r"a{1}{2}", 4, "another quantifier"),
        (r"x{1000}{1000}", 7, "another quantifier"),
        (r"a*?", 2, "lazy"),
        (r"a+?", 2, "lazy"),
        (r"a??", 2, "lazy"),
        (r"a{2}?", 4, "lazy"),
        (r"a*+", 2, "possessive"),
        (r"*a", 0, "nothing to repeat"),
        (r"a|*", 2, "nothing to repeat"),
        (r"(*)", 1, "nothing to repeat"),
        (r"^*", 1, "nothing to repeat"),
        (r"(|+)", 2, "nothing to repeat"),
        (r"{2}", 0, "nothing to repeat"),
        (r"{", 0, "'{'"),
        (r"a{", 1, "'{'"),
        (r"a{x}", 1, "'{'"),
        (r"a{,5}", 1, "'{'"),
        (r"a}", 1, "'}'"),
        (r"a]", 1, "']'"),
        (r"(?=a)", 1, "group syntax"),
        (r"(?!a)", 1, "group syntax"),
        (r"(?<=a)b", 1, "group syntax"),
        (r"(?<n>a)", 1, "group syntax"),
        (r"(?i)a", 1, "group syntax"),
        (r"(?", 1, "group syntax"),
        (r"\w", 0, r"'\w'"),
        (r"a\s", 1, r"'\s'"),
        (r"\b", 0, r"'\b'"),
        (r"\D", 0, r"'\D'"),
        (r"\1", 0, r"'\1'"),
        (r"\u0041", 0, r"'\u'"),
        (r"\n", 0, r"'\n'"),
        (r"[\w]", 1, r"'\w'"),
        ("a\\", 1, "backslash"),
        ("é", 0, "non-ASCII"),
        ("aé", 1, "non-ASCII"),
        ("[é]", 1, "non-ASCII"),
        ("a\tb", 1, "control character"),
        ("[\n]", 1, "control character"),
        ("a\x7f", 1, "control character"),
        (r"(a", 0, "missing ')'"),
        (r"((a)", 0, "missing ')'"),
        (r"a)", 1, "unmatched ')'"),
        (r"(a))", 3, "unmatched ')'"),
        (r"[abc", 0, "unterminated"),
        (r"[a-", 0, "unterminated"),
        (r"[]", 0, "empty"),
        (r"[]a]", 0, "empty"),
        (r"[z-a]", 1, "out of order"),
        (r"[a-c-e]", 4, "'-'"),
        (r"[\d-z]", 1, r"'\d'"),
        (r"[a-\d]", 3, r"'\d'"),
        (r"[[:alpha:]]", 1, "'['"),
    ]

    def test_rejections(self):
        for pattern, offset, fragment in self.CASES:
            with self.subTest(pattern=pattern):
                with self.assertRaises(PatternError) as ctx:
                    compile_pattern(pattern)
                self.assertEqual(ctx.exception.offset, offset, ctx.exception.message)
                self.assertIn(fragment, ctx.exception.message)

    def test_error_formatting(self):
        with self.assertRaises(PatternError) as ctx:
            compile_pattern("^a.b$")
        e = ctx.exception
        self.assertEqual(str(e), f"{e.message} (at offset 2)")
        self.assertIn("not supported", e.message)

    def test_accepted_edge_syntax(self):
        # Close relatives of rejected forms that must stay accepted.
        for pattern in [r"[-a]", r"[a-]", r"[-]", r"[--/]", r"[a^]", r"\{\}",
                        r"(a|)", r"()", r"(?:)", r"a{0}", r"a{1000}",
                        r"a{0,1000}", r"a{3,}", r"[.$*]", r"\\$", r"a\$"]:
            with self.subTest(pattern=pattern):
                compile_pattern(pattern)


class ComplexityLimitTest(unittest.TestCase):
    # How fast these fail is a benchmark figure (bench/regex_limits.py), not a check.
    def assert_refused(self, pattern, fragment="too complex", **kwargs):
        with self.assertRaises(PatternError) as ctx:
            compile_pattern(pattern, **kwargs)
        self.assertIn(fragment, ctx.exception.message)
        return ctx.exception

    def test_nested_repetition(self):
        e = self.assert_refused("((a{1000}){1000})")
        self.assertEqual(e.offset, 10)  # the outer quantifier
        self.assert_refused("((a{0}){1000}){1000}")
        self.assert_refused("x{1000}{1000}", "another quantifier")

    def test_state_explosion(self):
        # The DFA for "an 'a' 21 bytes before the end" needs 2**21 states.
        e = self.assert_refused("a[ab]{20}$")
        self.assertEqual(e.message, "pattern is too complex: more than 2048 DFA states")
        self.assertEqual(e.offset, 0)
        self.assert_refused("^(a{1000}){3}$", "more than 2048 DFA states")

    def test_heavy_subset_construction(self):
        self.assert_refused("(a|aa){1000}")
        self.assert_refused("(a|b|c|d|e|f|g|h){1000}")

    def test_max_states_parameter(self):
        self.assert_refused("^a{3}$", "more than 3 DFA states", max_states=3)
        self.assertEqual(len(compile_pattern("^a{3}$", max_states=4).transitions), 4)
        # Large but legitimate patterns still compile.
        big = compile_pattern("^[a-z]{1,1000}@[a-z]{1,1000}$")
        self.assertEqual(len(big.transitions), 2002)
        self.assertTrue(big.matches(b"a" * 1000 + b"@" + b"b" * 1000))
        self.assertFalse(big.matches(b"a" * 1001 + b"@b"))


if __name__ == "__main__":
    unittest.main()
