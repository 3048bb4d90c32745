"""Helpers for tests and benchmarks: real Argos packages built offline, never shipped models."""
