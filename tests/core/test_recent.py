"""The two-generation cache (core/recent.py): never a wrong value, the recent kept, the size bounded."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from diffviewer.core.recent import Recent

# A put of (key, value), or a get of a key.
_STEPS = st.lists(
    st.one_of(
        st.tuples(st.just("put"), st.integers(0, 12), st.integers()),
        st.tuples(st.just("get"), st.integers(0, 12), st.just(0)),
    ),
    max_size=200,
)


@settings(max_examples=400, deadline=None)
@given(size=st.integers(1, 6), steps=_STEPS)
def test_a_recent_cache_gives_what_was_put_keeps_the_recent_and_stays_small(
    size: int, steps: list[tuple[str, int, int]]
) -> None:
    cache: Recent[int, int] = Recent(size)
    latest: dict[int, int] = {}  # every key's last value put
    used: list[int] = []  # keys in the order they were put or found, the latest last
    for action, key, value in steps:
        if action == "put":
            cache.put(key, value)
            latest[key] = value
            used.append(key)
        else:
            found = cache.get(key)
            # Only ever the value last put for it (a cache may forget, never mistake).
            assert found is None or found == latest[key]
            if found is not None:
                used.append(key)
        assert len(cache) <= 2 * size
        # The last `size` keys used are all still there.
        recent = list(dict.fromkeys(reversed(used)))[:size]
        for kept in recent:
            assert kept in cache._new or kept in cache._old


def test_a_value_read_again_survives_the_generation_that_held_it() -> None:
    cache: Recent[str, int] = Recent(2)
    cache.put("a", 1)
    cache.put("b", 2)
    cache.put("c", 3)  # a new generation: a and b are old
    assert cache.get("a") == 1  # read again: moved to the new generation
    cache.put("d", 4)  # the new generation is full: b, never read again, goes
    cache.put("e", 5)
    assert cache.get("b") is None
    assert cache.get("a") == 1


def test_release_lets_go_of_every_value() -> None:
    cache: Recent[int, list[int]] = Recent(4)
    for k in range(7):
        cache.put(k, [k])
    cache.release()
    assert len(cache) == 0 and cache.get(6) is None
