"""Reliability: bad input, faults, hostile requests and load (issue 9; see RELIABILITY.md)."""
