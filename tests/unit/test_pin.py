"""The staff PIN: hashed with a salt, verified exactly, and guessing slowed down exponentially."""

from __future__ import annotations

import pytest

from kiosk.services.pin import PinGate, hash_pin, verify_pin
from kiosk.ui.session import ManualClock

FAST = 1000  # iterations: the format is the same, the tests stay quick


def test_hash_is_salted_and_verifies_only_the_right_pin():
    a, b = hash_pin("2468", FAST), hash_pin("2468", FAST)
    assert a != b and "2468" not in a
    assert verify_pin("2468", a) and verify_pin("2468", b)
    assert not verify_pin("2469", a) and not verify_pin("", a) and not verify_pin("2468", "garbage")


@pytest.mark.parametrize("pin", ["123", "12345678901234", "12a4", " 1234"])
def test_only_4_to_12_digits_are_pins(pin):
    with pytest.raises(ValueError):
        hash_pin(pin, FAST)


def test_each_wrong_pin_doubles_the_wait_and_the_right_one_resets_it():
    clock = ManualClock()
    gate = PinGate(hash_pin("2468", FAST), clock)
    waits = []
    for _ in range(5):
        assert not gate.try_pin("0000")
        waits.append(gate.seconds_locked())
        assert not gate.try_pin("2468")  # locked: even the right PIN is refused until the wait is over
        clock.advance(gate.seconds_locked())
    assert waits == [1, 2, 4, 8, 16]
    assert gate.try_pin("2468") and gate.failures == 0
    assert not gate.try_pin("0000") and gate.seconds_locked() == 1


def test_the_wait_is_capped_and_no_pin_means_no_entry():
    clock = ManualClock()
    gate = PinGate(hash_pin("2468", FAST), clock)
    for _ in range(20):
        gate.try_pin("0000")
        clock.advance(gate.seconds_locked())
    gate.try_pin("0000")
    assert gate.seconds_locked() == PinGate.MAX_DELAY
    assert not PinGate("", clock).enabled and not PinGate("", clock).try_pin("")
