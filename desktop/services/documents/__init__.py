"""Issuing documents: gathering their data, rendering, the archive, verification and receipts."""
