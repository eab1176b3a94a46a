"""Layout decisions that are plain arithmetic: pure Python, unit-tested, no Qt."""
