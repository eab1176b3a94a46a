"""The staff PIN: stored only as a salted PBKDF2 hash, checked in constant time, guessing slowed down.

The stored form is `pbkdf2-sha256$ITERATIONS$SALT_HEX$HASH_HEX`, so the iteration count can grow
later without invalidating PINs already set.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import re
import time
from typing import Callable

ITERATIONS = 200_000  # ~0.1 s on a kiosk PC: slow for a guesser with the file, quick for staff
_STORED = re.compile(r"^pbkdf2-sha256\$(\d+)\$([0-9a-f]+)\$([0-9a-f]+)$")
PIN_PATTERN = re.compile(r"^\d{4,12}$")


def hash_pin(pin: str, iterations: int = ITERATIONS, salt: bytes | None = None) -> str:
    if not PIN_PATTERN.match(pin):
        raise ValueError("a PIN is 4 to 12 digits")
    salt = salt if salt is not None else os.urandom(16)
    digest = hashlib.pbkdf2_hmac("sha256", pin.encode(), salt, iterations)
    return f"pbkdf2-sha256${iterations}${salt.hex()}${digest.hex()}"


def verify_pin(pin: str, stored: str) -> bool:
    match = _STORED.match(stored or "")
    if not match or not pin:
        return False
    iterations, salt, expected = int(match[1]), bytes.fromhex(match[2]), bytes.fromhex(match[3])
    digest = hashlib.pbkdf2_hmac("sha256", pin.encode(), salt, iterations)
    return hmac.compare_digest(digest, expected)


class PinGate:
    """Checks PINs and makes each wrong one cost more waiting: 1, 2, 4 ... seconds, at most 5 minutes.

    The clock is injected so tests move time by hand.
    """

    FIRST_DELAY = 1.0
    MAX_DELAY = 300.0

    def __init__(self, stored: str, clock: Callable[[], float] = time.monotonic) -> None:
        self._stored = stored
        self._clock = clock
        self.failures = 0
        self._locked_until = 0.0

    @property
    def enabled(self) -> bool:
        return bool(_STORED.match(self._stored or ""))

    def seconds_locked(self) -> float:
        return max(0.0, self._locked_until - self._clock())

    def try_pin(self, pin: str) -> bool:
        """True when the PIN is right; a try while locked out is refused without checking."""
        if self.seconds_locked() > 0 or not self.enabled:
            return False
        if verify_pin(pin, self._stored):
            self.failures = 0
            return True
        self.failures += 1
        delay = min(self.MAX_DELAY, self.FIRST_DELAY * 2 ** (self.failures - 1))
        self._locked_until = self._clock() + delay
        return False
