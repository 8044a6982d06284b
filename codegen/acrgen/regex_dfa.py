"""Compile JSON Schema ``pattern`` strings into minimal byte-level DFA tables.

The generated C client validates ``pattern`` keywords without a regex library:
at generation time each pattern is turned into a DFA over the UTF-8 bytes of
the string, and the tables are emitted as C arrays.

Semantics follow ECMA-262 as used by JSON Schema: the pattern is *searched*
for (unanchored) unless it starts with ``^`` / ends with ``$``.  Only a subset
of the syntax is accepted; see ``compile_pattern``.  Every supported atom
matches exactly one ASCII character, so matching bytes is equivalent to
matching code points: non-ASCII bytes can only be consumed by the implicit
"anything" prefix/suffix of an unanchored pattern.

Pipeline: recursive-descent parser -> AST -> Glushkov (position) automaton,
which has no epsilon transitions -> subset construction over byte classes ->
Hopcroft minimisation -> canonical numbering.  Sets of positions are Python
ints used as bitsets, so the hot loops are big-integer operations.  Every
step is deterministic: the same pattern always yields the same tables.
"""

from __future__ import annotations

import re
from collections import deque
from dataclasses import dataclass

__all__ = ["PatternError", "Dfa", "compile_pattern"]

# Largest n or m accepted in {n}, {n,} and {n,m}.
MAX_REPEAT = 1000
# Bound on character positions after expanding bounded repetition by copying,
# so a nested repetition such as (a{1000}){1000} is rejected while parsing
# instead of allocating a million positions.
MAX_POSITIONS = 10_000
# Bound on group nesting, so the recursive parser cannot hit Python's
# recursion limit.
MAX_GROUP_DEPTH = 100
# The subset construction can produce many more states than survive
# minimisation (the copies of a repeated item are distinct positions with the
# same future), so it may use this many times max_states before giving up.
SUBSET_SLACK = 16
# Bound on the total size of the position sets the subset construction walks
# (roughly its running time), so a pattern whose intermediate state sets are
# huge fails in well under a second instead of grinding.
MAX_SUBSET_WORK = 1_000_000

_ALL_BYTES = (1 << 256) - 1
_DIGITS = sum(1 << b for b in range(ord("0"), ord("9") + 1))

# Characters that may follow a backslash and then stand for themselves.
_LITERAL_ESCAPES = frozenset("\\/.-^$[](){}*+?|")
# Hints for well-known escapes we deliberately do not support.
_ESCAPE_HINTS = {
    "w": "; write [A-Za-z0-9_] instead",
    "s": "; list the whitespace characters explicitly, e.g. [ ]",
    "D": "; negated classes are not supported",
    "W": "; negated classes are not supported",
    "S": "; negated classes are not supported",
    "b": "; word boundaries are not supported",
    "B": "; word boundaries are not supported",
}
_BRACE_QUANTIFIER = re.compile(r"\{([0-9]+)(,([0-9]*))?\}")


class PatternError(Exception):
    """Raised for a pattern outside the supported subset or too complex."""

    def __init__(self, message: str, offset: int):
        super().__init__(f"{message} (at offset {offset})")
        self.message = message
        self.offset = offset


@dataclass(frozen=True)
class Dfa:
    """A minimal DFA over bytes.  The start state is always 0."""

    byte_class: tuple[int, ...]  # 256 entries: class of each byte value
    n_classes: int
    transitions: tuple[tuple[int, ...], ...]  # [state][cls] -> state, -1 = dead
    accepting: tuple[bool, ...]

    @property
    def n_states(self) -> int:
        return len(self.transitions)

    def matches(self, data: bytes) -> bool:
        """Reference matcher; the generated C code does the same walk."""
        state = 0
        for byte in data:
            state = self.transitions[state][self.byte_class[byte]]
            if state < 0:
                return False
        return self.accepting[state]


# --------------------------------------------------------------------------
# AST.  Character sets are 256-bit ints (bit b set = byte b matches), cheap to
# combine and compare deterministically.  Every node records how many
# character positions it expands to, so the size limit is enforced while
# parsing.


@dataclass(frozen=True)
class _Chars:
    mask: int
    size: int = 1


@dataclass(frozen=True)
class _Concat:
    items: tuple
    size: int


@dataclass(frozen=True)
class _Alt:
    items: tuple
    size: int


@dataclass(frozen=True)
class _Repeat:
    item: object
    min: int
    max: int | None  # None = unbounded
    size: int


# --------------------------------------------------------------------------
# Parser


class _Parser:
    def __init__(self, pattern: str):
        self.pattern = pattern
        self.pos = 0
        self.depth = 0
        self.anchored_start = False
        self.anchored_end = False
        self.top_level_bar: int | None = None  # offset of first top-level '|'

    # -- helpers ---------------------------------------------------------

    def _peek(self, ahead: int = 0) -> str | None:
        i = self.pos + ahead
        return self.pattern[i] if i < len(self.pattern) else None

    def _check_size(self, size: int, offset: int) -> None:
        if size > MAX_POSITIONS:
            raise PatternError(
                "pattern is too complex: repetitions expand to more than "
                f"{MAX_POSITIONS} character positions", offset)

    def _literal(self, offset: int) -> int:
        """Mask for the plain character at ``offset``, rejecting non-printables."""
        ch = self.pattern[offset]
        code = ord(ch)
        if code < 0x20 or code == 0x7F:
            raise PatternError(
                f"control character U+{code:04X} is not supported in patterns", offset)
        if code > 0x7F:
            raise PatternError(
                f"non-ASCII character {ch!r} is not supported in patterns", offset)
        return 1 << code

    # -- grammar ---------------------------------------------------------

    def parse(self):
        if self._peek() == "^":
            self.anchored_start = True
            self.pos = 1
        node = self._alternation()
        if self.pos < len(self.pattern):
            # _alternation only stops early at a ')' without an open group.
            raise PatternError("unmatched ')'", self.pos)
        if (self.anchored_start or self.anchored_end) and self.top_level_bar is not None:
            # ECMA binds ^ and $ to the first/last alternative only, which is
            # almost never what the schema author meant.
            raise PatternError(
                "anchors with a top-level '|' are ambiguous; "
                "wrap the alternatives in a group: ^(a|b)$", self.top_level_bar)
        return node

    def _alternation(self):
        items = [self._sequence()]
        while self._peek() == "|":
            if self.depth == 0 and self.top_level_bar is None:
                self.top_level_bar = self.pos
            bar = self.pos
            self.pos += 1
            items.append(self._sequence())
            self._check_size(sum(i.size for i in items), bar)
        if len(items) == 1:
            return items[0]
        return _Alt(tuple(items), sum(i.size for i in items))

    def _sequence(self):
        items = []
        size = 0
        n = len(self.pattern)
        while self.pos < n:
            ch = self.pattern[self.pos]
            if ch in "|)":
                break
            if ch == "$":
                if self.pos == n - 1 and self.depth == 0:
                    self.anchored_end = True
                    self.pos += 1
                    break
                raise PatternError(
                    "'$' is only supported as the last character of the pattern, "
                    "outside groups (write \\$ for a literal '$')", self.pos)
            if ch in "*+?" or (ch == "{" and _BRACE_QUANTIFIER.match(self.pattern, self.pos)):
                raise PatternError(f"quantifier {ch!r} has nothing to repeat", self.pos)
            start = self.pos
            item = self._quantified(self._atom())
            items.append(item)
            size += item.size
            self._check_size(size, start)
        if len(items) == 1:
            return items[0]
        # An empty sequence is charged one position so that repeating it
        # still counts towards the size limit.
        return _Concat(tuple(items), max(size, 1))

    def _atom(self):
        ch = self.pattern[self.pos]
        if ch == "(":
            return self._group()
        if ch == "[":
            return _Chars(self._class())
        if ch == "\\":
            mask, _ = self._escape()
            return _Chars(mask)
        if ch == ".":
            raise PatternError(
                "'.' (any character) is not supported: the DFA matches bytes, "
                "and '.' would match a single byte of a multi-byte UTF-8 "
                "character; use an explicit class such as [ -~]", self.pos)
        if ch == "^":
            raise PatternError(
                "'^' is only supported as the first character of the pattern "
                "(write \\^ for a literal '^')", self.pos)
        if ch in "]{}":
            raise PatternError(
                f"unescaped {ch!r}; write \\{ch} for a literal {ch!r}", self.pos)
        mask = self._literal(self.pos)
        self.pos += 1
        return _Chars(mask)

    def _group(self):
        open_offset = self.pos
        self.pos += 1
        if self._peek() == "?":
            if self._peek(1) != ":":
                raise PatternError(
                    "unsupported group syntax: only (...) and (?:...) are supported "
                    "(no lookaround, named groups or inline flags)", self.pos)
            self.pos += 2
        self.depth += 1
        if self.depth > MAX_GROUP_DEPTH:
            raise PatternError(
                f"groups nested more than {MAX_GROUP_DEPTH} deep", open_offset)
        node = self._alternation()
        self.depth -= 1
        if self._peek() != ")":
            raise PatternError("missing ')' for the group opened here", open_offset)
        self.pos += 1
        return node

    def _escape(self) -> tuple[int, int | None]:
        """Parse a backslash escape; return (mask, code) with code None for \\d."""
        start = self.pos
        ch = self._peek(1)
        if ch is None:
            raise PatternError("pattern ends with a lone backslash", start)
        self.pos += 2
        if ch == "d":
            return _DIGITS, None
        if ch in _LITERAL_ESCAPES:
            return 1 << ord(ch), ord(ch)
        raise PatternError(
            f"unsupported escape '\\{ch}'{_ESCAPE_HINTS.get(ch, '')}", start)

    def _class(self) -> int:
        open_offset = self.pos
        self.pos += 1
        if self._peek() == "^":
            # A negated class would match one byte of a multi-byte character,
            # whereas ECMA matches the whole code point.
            raise PatternError(
                "negated character classes [^...] are not supported", self.pos)
        if self._peek() == "]":
            raise PatternError("empty character class '[]'", open_offset)
        mask = 0
        first = True
        while True:
            ch = self._peek()
            if ch is None:
                raise PatternError("unterminated character class", open_offset)
            if ch == "]":
                self.pos += 1
                return mask
            lo_offset = self.pos
            lo_mask, lo = self._class_atom(first)
            first = False
            if self._peek() == "-" and self._peek(1) not in (None, "]"):
                self.pos += 1
                hi_offset = self.pos
                _, hi = self._class_atom(False)
                if lo is None or hi is None:
                    raise PatternError(
                        "'\\d' cannot be the end of a range",
                        lo_offset if lo is None else hi_offset)
                if lo > hi:
                    raise PatternError(
                        f"range out of order: {chr(lo)!r} > {chr(hi)!r}", lo_offset)
                mask |= ((1 << (hi + 1)) - 1) ^ ((1 << lo) - 1)
            else:
                mask |= lo_mask

    def _class_atom(self, first: bool) -> tuple[int, int | None]:
        ch = self.pattern[self.pos]
        if ch == "\\":
            return self._escape()
        if ch == "-" and not (first or self._peek(1) in ("]", None)):
            raise PatternError(
                "'-' inside a character class must be first, last, part of a "
                "range, or escaped as \\-", self.pos)
        if ch == "[":
            # Guards against POSIX-style [[:alpha:]] being silently misread.
            raise PatternError(
                "'[' inside a character class must be escaped as \\[", self.pos)
        mask = self._literal(self.pos)
        self.pos += 1
        return mask, ord(ch)

    def _quantified(self, item):
        ch = self._peek()
        offset = self.pos
        if ch in ("*", "+", "?"):
            self.pos += 1
            lo, hi = {"*": (0, None), "+": (1, None), "?": (0, 1)}[ch]
        elif ch == "{":
            m = _BRACE_QUANTIFIER.match(self.pattern, self.pos)
            if m is None:
                raise PatternError(
                    "'{' does not start a valid quantifier {n}, {n,} or {n,m}; "
                    "write \\{ for a literal '{'", offset)
            lo = int(m.group(1))
            if m.group(2) is None:
                hi = lo
            else:
                hi = int(m.group(3)) if m.group(3) else None
            if lo > MAX_REPEAT or (hi is not None and hi > MAX_REPEAT):
                raise PatternError(
                    f"repetition count larger than {MAX_REPEAT}", offset)
            if hi is not None and hi < lo:
                raise PatternError(
                    f"quantifier {m.group(0)} has its maximum below its minimum", offset)
            self.pos = m.end()
        else:
            return item
        after = self._peek()
        if after == "?":
            raise PatternError("lazy quantifiers are not supported", self.pos)
        if after == "+":
            raise PatternError("possessive quantifiers are not supported", self.pos)
        if after == "*" or (after == "{" and _BRACE_QUANTIFIER.match(self.pattern, self.pos)):
            raise PatternError(
                "a quantifier cannot follow another quantifier; "
                "use a group: (?:a*)*", self.pos)
        # Bounded repetition is expanded by copying: hi copies, or lo when
        # unbounded; at least one so that nesting {0} still counts.
        size = item.size * max(lo if hi is None else hi, 1)
        self._check_size(size, offset)
        return _Repeat(item, lo, hi, size)


# --------------------------------------------------------------------------
# Glushkov automaton.  A position is one occurrence of a character set in the
# (repetition-expanded) pattern; an automaton state "just read position p".
# Reading byte b from a set S of positions leads to
#     (union of follow[p] for p in S) & positions whose label contains b.


def _bits(x: int):
    """Indices of the set bits of x, ascending."""
    s = bin(x)[:1:-1]  # least significant bit first
    i = s.find("1")
    while i >= 0:
        yield i
        i = s.find("1", i + 1)


class _Positions:
    def __init__(self):
        self.labels: list[int] = []  # byte mask per position
        self.follow: list[int] = []  # bitset of positions per position

    def new(self, label: int) -> int:
        self.labels.append(label)
        self.follow.append(0)
        return len(self.labels) - 1

    def link(self, lasts: int, firsts: int) -> None:
        """Every position in ``lasts`` may be followed by any in ``firsts``."""
        if firsts:
            for p in _bits(lasts):
                self.follow[p] |= firsts

    def build(self, node) -> tuple[int, int, bool]:
        """Allocate positions for node; return (first, last, nullable)."""
        if isinstance(node, _Chars):
            bit = 1 << self.new(node.mask)
            return bit, bit, False
        if isinstance(node, _Concat):
            return self._concat([self.build(item) for item in node.items])
        if isinstance(node, _Alt):
            first = last = 0
            nullable = False
            for f, l, n in (self.build(item) for item in node.items):
                first, last, nullable = first | f, last | l, nullable or n
            return first, last, nullable
        assert isinstance(node, _Repeat)
        lo, hi = node.min, node.max
        if hi is None and lo == 0:
            first, last, _ = self.build(node.item)
            self.link(last, first)
            return first, last, True
        # Bounded repetition: a fresh copy of the item per repetition.
        parts = [self.build(node.item) for _ in range(lo)]
        if hi is None:
            first, last, _ = parts[-1]
            self.link(last, first)  # item{lo,}: the last copy may repeat
        elif hi > lo:
            # item{0,k} as (item (item (...)?)?)?, folded from the inside so
            # each copy is linked once.
            copies = [self.build(node.item) for _ in range(hi - lo)]
            first = last = 0
            for f, l, n in reversed(copies):
                self.link(l, first)
                first = f | (first if n else 0)
                last |= l
            parts.append((first, last, True))
        return self._concat(parts)

    def _concat(self, parts) -> tuple[int, int, bool]:
        # Right to left, so each part's last set is walked only once.
        first = last = 0
        nullable = True
        for f, l, n in reversed(parts):
            self.link(l, first)
            if nullable:
                last |= l
            first = f | (first if n else 0)
            nullable = nullable and n
        return first, last, nullable


# --------------------------------------------------------------------------
# Driver


def compile_pattern(pattern: str, max_states: int = 2048) -> Dfa:
    r"""Compile an ECMA-262 ``pattern`` (JSON Schema subset) to a minimal DFA.

    Supported: ``^`` as first and ``$`` as last character; printable ASCII
    literals; the escapes ``\d`` and ``\\ \/ \. \- \^ \$ \[ \] \( \)
    \{ \} \* \+ \? \|``; classes ``[...]`` with literals, ranges and those
    escapes; groups ``(...)`` and ``(?:...)``; alternation; the greedy
    quantifiers ``? * + {n} {n,} {n,m}`` with n <= m <= 1000.  Anything else
    raises PatternError, as does a pattern needing more than ``max_states``
    states.
    """
    if max_states < 1:
        raise ValueError("max_states must be at least 1")
    parser = _Parser(pattern)
    ast = parser.parse()

    # Position 0 is the initial state.  Without '^' it consumes any byte and
    # stays (search semantics: skip anything before the match).
    pos = _Positions()
    init = pos.new(0 if parser.anchored_start else _ALL_BYTES)
    first, last, nullable = pos.build(ast)
    pos.follow[init] = first | (0 if parser.anchored_start else 1 << init)
    accept = last | (1 << init if nullable else 0)
    accept_all = None
    if not parser.anchored_end:
        # Without '$' any bytes may follow a match: the subset construction
        # replaces every matching state by {final}, a position that consumes
        # any byte and stays.
        accept_all = 1 << pos.new(_ALL_BYTES)
        pos.follow[-1] = accept_all
        accept |= accept_all

    byte_class, n_classes = _byte_classes(pos.labels)
    table, accepting = _subset_construction(
        pos, byte_class, n_classes, accept, accept_all, max_states)
    table, accepting, start = _minimize(table, accepting, n_classes)
    byte_class, n_classes, table = _merge_classes(byte_class, n_classes, table)
    table, accepting = _renumber(table, accepting, start, n_classes)
    if len(table) > max_states:
        raise _too_many_states(max_states)
    return Dfa(
        byte_class=tuple(byte_class),
        n_classes=n_classes,
        transitions=tuple(tuple(row) for row in table),
        accepting=tuple(accepting),
    )


def _too_many_states(max_states: int) -> PatternError:
    return PatternError(
        f"pattern is too complex: more than {max_states} DFA states", 0)


def _byte_classes(masks) -> tuple[list[int], int]:
    """Partition the bytes into classes that no character set distinguishes.

    Classes are numbered in order of their smallest byte, so byte 0 is
    always in class 0.
    """
    masks = sorted(set(masks))
    class_of_signature: dict[tuple[int, ...], int] = {}
    byte_class = []
    for b in range(256):
        signature = tuple((m >> b) & 1 for m in masks)
        byte_class.append(
            class_of_signature.setdefault(signature, len(class_of_signature)))
    return byte_class, len(class_of_signature)


def _subset_construction(pos, byte_class, n_classes, accept, accept_all, max_states):
    """Powerset construction; returns (table with -1 for dead, accepting)."""
    # reads[c]: the positions whose label contains the bytes of class c.
    representative = [byte_class.index(c) for c in range(n_classes)]
    positions_with_label: dict[int, int] = {}
    for p, label in enumerate(pos.labels):
        positions_with_label[label] = positions_with_label.get(label, 0) | (1 << p)
    reads = [0] * n_classes
    for label, members in positions_with_label.items():
        for c in range(n_classes):
            if (label >> representative[c]) & 1:
                reads[c] |= members

    def canonical(state: int) -> int:
        # Without '$', a state that has matched accepts every continuation;
        # collapsing all of them keeps the construction small.
        if accept_all is not None and state & accept:
            return accept_all
        return state

    limit = max_states * SUBSET_SLACK
    work = 0
    states = [canonical(1)]  # {position 0}
    index = {states[0]: 0}
    table = []
    while len(table) < len(states):
        current = states[len(table)]
        reachable = 0
        for p in _bits(current):
            reachable |= pos.follow[p]
            work += 1
        if work > MAX_SUBSET_WORK:
            raise PatternError(
                "pattern is too complex: the DFA construction exceeds its "
                "work limit", 0)
        row = []
        for c in range(n_classes):
            target = reachable & reads[c]
            if not target:
                row.append(-1)
                continue
            target = canonical(target)
            j = index.get(target)
            if j is None:
                if len(states) >= limit:
                    raise _too_many_states(max_states)
                j = index[target] = len(states)
                states.append(target)
            row.append(j)
        table.append(row)
    return table, [bool(s & accept) for s in states]


def _minimize(table, accepting, n_classes):
    """Hopcroft partition refinement.

    Returns the quotient automaton (table over blocks, -1 for the block of
    states that cannot reach acceptance) and the start block.  Block numbers
    depend on refinement order, but _renumber makes the result canonical
    because the coarsest partition itself is unique.
    """
    n = len(table)
    dead = n  # explicit sink to make the automaton complete
    delta = [[dead if t < 0 else t for t in row] for row in table]
    delta.append([dead] * n_classes)
    final = [*accepting, False]

    inverse = [[[] for _ in range(n + 1)] for _ in range(n_classes)]
    for s, row in enumerate(delta):
        for c, t in enumerate(row):
            inverse[c][t].append(s)

    blocks = [b for b in ({s for s in range(n + 1) if final[s]},
                          {s for s in range(n + 1) if not final[s]}) if b]
    block_of = [0] * (n + 1)
    for bid, members in enumerate(blocks):
        for s in members:
            block_of[s] = bid

    # Splitting by either initial block is enough; the smaller one is cheaper.
    if len(blocks) == 2:
        smaller = 0 if len(blocks[0]) <= len(blocks[1]) else 1
        work = [(smaller, c) for c in range(n_classes)]
    else:
        work = []
    pending = set(work)
    while work:
        splitter = work.pop()
        pending.discard(splitter)
        bid_splitter, c = splitter
        preds = set()
        for t in blocks[bid_splitter]:
            preds.update(inverse[c][t])
        hit: dict[int, set[int]] = {}
        for s in preds:
            hit.setdefault(block_of[s], set()).add(s)
        for bid, inside in hit.items():
            outside = blocks[bid] - inside
            if not outside:
                continue
            small, large = (inside, outside) if len(inside) <= len(outside) else (outside, inside)
            blocks[bid] = large
            new_bid = len(blocks)
            blocks.append(small)
            for s in small:
                block_of[s] = new_bid
            # Whether or not (bid, d) is pending, adding the smaller half
            # suffices (Hopcroft's "process the smaller half" rule).
            for d in range(n_classes):
                if (new_bid, d) not in pending:
                    pending.add((new_bid, d))
                    work.append((new_bid, d))

    dead_block = block_of[dead]
    quotient = []
    quotient_accepting = []
    for bid, members in enumerate(blocks):
        rep = min(members)
        quotient.append([-1 if block_of[t] == dead_block else block_of[t]
                         for t in delta[rep]])
        quotient_accepting.append(final[rep])
    quotient[dead_block] = None  # represented by -1, not a real state
    return quotient, quotient_accepting, block_of[0]


def _merge_classes(byte_class, n_old, table):
    """Merge byte classes whose columns are identical in the minimal DFA."""
    rows = [row for row in table if row is not None]
    column_class: dict[tuple[int, ...], int] = {}
    new_of_old = []
    for c in range(n_old):
        column = tuple(row[c] for row in rows)
        new_of_old.append(column_class.setdefault(column, len(column_class)))
    # Old classes are numbered by smallest byte, so first-appearance order of
    # the merged classes is again by smallest byte.
    merged_table = []
    for row in table:
        if row is None:
            merged_table.append(None)
            continue
        merged = [0] * len(column_class)
        for c in range(n_old):
            merged[new_of_old[c]] = row[c]
        merged_table.append(merged)
    return [new_of_old[c] for c in byte_class], len(column_class), merged_table


def _renumber(table, accepting, start, n_classes):
    """Number states in BFS order from the start, visiting classes in order."""
    if table[start] is None:
        # The pattern can never match: a single rejecting state.
        return [[-1] * n_classes], [False]
    number = {start: 0}
    order = [start]
    queue = deque([start])
    while queue:
        for t in table[queue.popleft()]:
            if t != -1 and t not in number:
                number[t] = len(order)
                order.append(t)
                queue.append(t)
    new_table = [[-1 if t == -1 else number[t] for t in table[s]] for s in order]
    return new_table, [accepting[s] for s in order]
