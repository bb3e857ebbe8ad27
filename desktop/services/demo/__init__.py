"""Demo data that looks like a real office, for `dinas-desk --demo`, screenshots and tests."""
