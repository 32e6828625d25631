"""Extraction: normalised minutes text -> ``govgraph.extraction/1`` records.

Rules a reviewer can read, each record carrying its evidence span and the rule that
produced it. See ../shared/EXTRACTION.md for the contract.
"""
