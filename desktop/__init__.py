"""Dinas Desk: the SOPs of a Disdukcapil office as real workflows."""

__version__ = "0.1.0"
