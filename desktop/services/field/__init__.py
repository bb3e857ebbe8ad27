"""Kejar bola without a network: a case taken out to field laptops and merged back (issue 17)."""
