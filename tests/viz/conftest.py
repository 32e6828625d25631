"""Fixtures for the viz tests: stores holding the series or the hand-made graph."""

from __future__ import annotations

import pytest
from viz_data import M8, REC, hand_batch, hostile_batch, load_all


@pytest.fixture
def hand_store(store):
    """The hand-made graph (and the hostile finding) in a store of each kind."""
    store.write(hand_batch())
    store.write(hostile_batch(REC, M8))
    return store


@pytest.fixture
def series_store(store):
    """The seed + series minutes (and the hostile finding on OC16) in a store of each kind."""
    load_all(store)
    return store
