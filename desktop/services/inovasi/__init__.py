"""The Inovasi Pelayanan Publik use cases: from an idea to a named, running innovation."""
